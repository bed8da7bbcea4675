from django.urls import include, path

urlpatterns = [
    path("", include("gongkai.portal.urls")),
    path("account/", include("gongkai.accounts.urls")),
    path("workbench/", include("gongkai.workbench.urls")),
    path("workbench/checks/", include("gongkai.checks.urls")),
    path("workbench/cases/", include("gongkai.applications.urls")),
    path("workbench/appeals/", include("gongkai.appeals.urls")),
    path("apply/", include("gongkai.applications.public_urls")),
    path("workbench/catalog/", include("gongkai.catalog.urls")),
    path("workbench/review/", include("gongkai.review.urls")),
    path("workbench/interpretations/", include("gongkai.interpretations.urls")),
    path("xxgk/jiedu/", include("gongkai.interpretations.public_urls")),
    path("xxgk/", include("gongkai.catalog.public_urls")),
    path("search/", include("gongkai.search.urls")),
    path("workbench/reports/", include("gongkai.reports.urls")),
    path("reports/", include("gongkai.reports.public_urls")),
    path("workbench/engagement/", include("gongkai.engagement.urls")),
    path("hudong/", include("gongkai.engagement.public_urls")),
    path("notices/", include("gongkai.notices.urls")),
    path("kiosk/", include("gongkai.kiosk.urls")),
    path("workbench/columns/", include("gongkai.columns.urls")),
    path("workbench/profiles/", include("gongkai.profiles.urls")),
    path("workbench/new-media/", include("gongkai.newmedia.urls")),
    path("workbench/oversight/", include("gongkai.oversight.urls")),
    path("workbench/hotline/", include("gongkai.hotline.urls")),
    path("api/", include("gongkai.api.urls")),
]

handler400 = "gongkai.core.errors.bad_request"
handler403 = "gongkai.core.errors.permission_denied"
handler404 = "gongkai.core.errors.page_not_found"
handler500 = "gongkai.core.errors.server_error"
