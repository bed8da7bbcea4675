"""Workbench URLs of the annual report."""

from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("", views.ReportListView.as_view(), name="list"),
    path("supervision/", views.SupervisionView.as_view(), name="supervision"),
    path("rollup/<int:agency_pk>/", views.RollupView.as_view(), name="rollup"),
    path("<int:pk>/", views.ReportDetailView.as_view(), name="detail"),
    path("<int:pk>/cell/", views.CellRecordsView.as_view(), name="cell"),
    path("<int:pk>/download/", views.ReportDownloadView.as_view(), name="download"),
]
