from django.urls import path

from . import round_views, views

app_name = "oversight"

urlpatterns = [
    path("", views.StandingListView.as_view(), name="index"),
    path("agencies/<int:agency_pk>/", views.SelfCheckView.as_view(), name="standing"),
    path("systems/", views.SystemListView.as_view(), name="systems"),
    path("systems/import/", views.SystemImportView.as_view(), name="system_import"),
    path("systems/<int:pk>/", views.SystemDetailView.as_view(), name="system"),
    path("systems/<int:pk>/edit/", views.SystemEditView.as_view(), name="system_edit"),
    path("systems/<int:pk>/export/", views.SystemExportView.as_view(), name="system_export"),
    path("dashboard/", round_views.DashboardView.as_view(), name="dashboard"),
    path("rounds/", round_views.RoundListView.as_view(), name="rounds"),
    path("rounds/new/", round_views.RoundOpenView.as_view(), name="round_open"),
    path("rounds/<int:pk>/", round_views.RoundDetailView.as_view(), name="round"),
    path("remedies/", round_views.RemedyListView.as_view(), name="remedies"),
    path("remedies/<int:pk>/", round_views.RemedyDetailView.as_view(), name="remedy"),
    path(
        "deductions/<int:pk>/screenshot/",
        round_views.ScreenshotView.as_view(),
        name="screenshot",
    ),
    path(
        "remedies/<int:pk>/file/",
        round_views.RemedyFileView.as_view(),
        name="remedy_file",
    ),
    path("circulars/<int:pk>/", round_views.CircularDetailView.as_view(), name="circular"),
    path(
        "circulars/<int:pk>/pdf/",
        round_views.CircularFileView.as_view(kind="pdf"),
        name="circular_pdf",
    ),
    path(
        "circulars/<int:pk>/docx/",
        round_views.CircularFileView.as_view(kind="docx"),
        name="circular_docx",
    ),
]
