"""Workbench URLs of the website's columns (namespace `columns`)."""

from django.urls import path

from . import views

app_name = "columns"
urlpatterns = [
    path("", views.ColumnListView.as_view(), name="list"),
    path("agency/<int:agency_pk>/new/", views.ColumnCreateView.as_view(), name="create"),
    path("<int:pk>/", views.ColumnUpdateView.as_view(), name="edit"),
]
