from django.urls import include, path

urlpatterns = [
    path("", include("gongkai.portal.urls")),
    path("account/", include("gongkai.accounts.urls")),
    path("workbench/", include("gongkai.workbench.urls")),
    path("api/", include("gongkai.api.urls")),
]

handler400 = "gongkai.core.errors.bad_request"
handler403 = "gongkai.core.errors.permission_denied"
handler404 = "gongkai.core.errors.page_not_found"
handler500 = "gongkai.core.errors.server_error"
