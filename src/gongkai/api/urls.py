from csp.decorators import csp_update
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from gongkai.agencies import api as agencies_api
from gongkai.core import api as core_api

public = DefaultRouter(trailing_slash=True)
public.include_root_view = False
public.register("agencies", agencies_api.PublicAgencyViewSet, basename="public-agency")

staff = DefaultRouter(trailing_slash=True)
staff.include_root_view = False
staff.register("agencies", agencies_api.StaffAgencyViewSet, basename="staff-agency")
staff.register("units", agencies_api.InternalUnitViewSet, basename="staff-unit")
staff.register("reading-rooms", agencies_api.ReadingRoomViewSet, basename="staff-reading-room")
staff.register("staff", agencies_api.StaffViewSet, basename="staff-user")
staff.register("audit-events", core_api.AuditEventViewSet, basename="staff-audit-event")

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
    path("staff/", include(staff.urls)),
]
