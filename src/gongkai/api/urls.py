from csp.decorators import csp_update
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from gongkai.appeals import api as appeals_api
from gongkai.applications import api as applications_api
from gongkai.catalog import api as catalog_api
from gongkai.checks import api as checks_api
from gongkai.engagement import api as engagement_api
from gongkai.engagement import consultation_api
from gongkai.hotline import api as hotline_api
from gongkai.interpretations import api as interpretations_api
from gongkai.oversight import api as oversight_api
from gongkai.profiles import api as profiles_api
from gongkai.reports import api as reports_api
from gongkai.review import item_api
from gongkai.search import api as search_api
from gongkai.workbench import api as agencies_api
from gongkai.workbench import audit_api as core_api

public = DefaultRouter(trailing_slash=True)
public.include_root_view = False
public.register("agencies", agencies_api.PublicAgencyViewSet, basename="public-agency")
public.register("search", search_api.PublicSearchViewSet, basename="public-search")
public.register("items", catalog_api.PublicItemViewSet, basename="public-item")
public.register(
    "interpretations",
    interpretations_api.PublicInterpretationViewSet,
    basename="public-interpretation",
)
public.register(
    "consultations", consultation_api.PublicConsultationViewSet, basename="public-consultation"
)

# What an applicant sends: an application, a status question. The read-only public API above
# stays read-only; these two take POST only, without an account.
apply = DefaultRouter(trailing_slash=True)
apply.include_root_view = False
apply.register(
    "applications", applications_api.PublicApplicationViewSet, basename="public-application"
)
apply.register("status", applications_api.PublicStatusViewSet, basename="public-application-status")

staff = DefaultRouter(trailing_slash=True)
staff.include_root_view = False
staff.register("agencies", agencies_api.StaffAgencyViewSet, basename="staff-agency")
staff.register("items", item_api.StaffItemViewSet, basename="staff-item")
staff.register("units", agencies_api.InternalUnitViewSet, basename="staff-unit")
staff.register("reading-rooms", agencies_api.ReadingRoomViewSet, basename="staff-reading-room")
staff.register("staff", agencies_api.StaffViewSet, basename="staff-user")
staff.register("audit-events", core_api.AuditEventViewSet, basename="staff-audit-event")
staff.register("checks", checks_api.CheckViewSet, basename="staff-check")
staff.register("applications", applications_api.ApplicationViewSet, basename="staff-application")
staff.register("appeals", appeals_api.AppealViewSet, basename="staff-appeal")
staff.register("reports", reports_api.ReportViewSet, basename="staff-report")
staff.register("messages", engagement_api.MessageViewSet, basename="staff-message")
staff.register(
    "interpretations",
    interpretations_api.StaffInterpretationViewSet,
    basename="staff-interpretation",
)
staff.register(
    "policy-documents",
    interpretations_api.StaffPolicyDocumentViewSet,
    basename="staff-policy-document",
)
staff.register("consultations", consultation_api.ConsultationViewSet, basename="staff-consultation")
staff.register(
    "consultation-comments", consultation_api.CommentViewSet, basename="staff-consultation-comment"
)
staff.register("profiles", profiles_api.ProfileViewSet, basename="staff-profile")
staff.register("assessment-rounds", oversight_api.RoundViewSet, basename="staff-assessment-round")
staff.register("remedies", oversight_api.RemedyViewSet, basename="staff-remedy")
staff.register("circulars", oversight_api.CircularViewSet, basename="staff-circular")
staff.register("work-orders", hotline_api.WorkOrderViewSet, basename="staff-work-order")
staff.register("calls", hotline_api.CallViewSet, basename="staff-call")
staff.register(
    "work-order-batches", hotline_api.ImportBatchViewSet, basename="staff-work-order-batch"
)

app_name = "api"
urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path(
        "docs/",
        # Swagger UI sets a few inline styles; its scripts stay external under the site's CSP.
        csp_update({"style-src": ["'unsafe-inline'"]})(
            SpectacularSwaggerSplitView.as_view(url_name="api:schema")
        ),
        name="docs",
    ),
    path("public/", include(public.urls)),
    path("apply/", include(apply.urls)),
    path("staff/", include(staff.urls)),
]
