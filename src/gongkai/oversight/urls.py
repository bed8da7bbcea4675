from django.urls import path

from . import views

app_name = "oversight"

urlpatterns = [
    path("", views.StandingListView.as_view(), name="index"),
    path("agencies/<int:agency_pk>/", views.SelfCheckView.as_view(), name="standing"),
    path("systems/", views.SystemListView.as_view(), name="systems"),
    path("systems/import/", views.SystemImportView.as_view(), name="system_import"),
    path("systems/<int:pk>/", views.SystemDetailView.as_view(), name="system"),
    path("systems/<int:pk>/edit/", views.SystemEditView.as_view(), name="system_edit"),
    path("systems/<int:pk>/export/", views.SystemExportView.as_view(), name="system_export"),
]
