"""Workbench URLs of the 12345 hotline (namespace `hotline`)."""

from django.urls import path

from . import views

app_name = "hotline"
urlpatterns = [
    path("", views.WorkOrderListView.as_view(), name="list"),
    path("import/", views.ImportView.as_view(), name="import"),
    path("<int:pk>/", views.WorkOrderDetailView.as_view(), name="detail"),
    path("batches/", views.BatchListView.as_view(), name="batches"),
    path("batches/<int:pk>/export/", views.BatchExportView.as_view(), name="batch_export"),
    path("calls/", views.CallListView.as_view(), name="calls"),
    path("calls/import/", views.CallImportView.as_view(), name="call_import"),
    path("calls/<int:pk>/", views.CallDetailView.as_view(), name="call"),
    path("statistics/", views.StatisticsView.as_view(), name="statistics"),
    path("categories/", views.CategoryListView.as_view(), name="categories"),
    path("categories/<int:pk>/", views.CategoryUpdateView.as_view(), name="category_edit"),
]
