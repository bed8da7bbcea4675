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
    path("categories/", views.CategoryListView.as_view(), name="categories"),
    path("categories/<int:pk>/", views.CategoryUpdateView.as_view(), name="category_edit"),
]
