"""Workbench URLs of appeals (namespace `appeals`)."""

from django.urls import path

from . import views

app_name = "appeals"
urlpatterns = [
    path("", views.AppealListView.as_view(), name="list"),
    path("agencies/<int:agency_pk>/new/", views.AppealCreateView.as_view(), name="add"),
    path("<int:pk>/edit/", views.AppealUpdateView.as_view(), name="edit"),
]
