"""Workbench URLs of the 机构概况 (namespace `profiles`)."""

from django.urls import path

from . import views

app_name = "profiles"
urlpatterns = [
    path("", views.ProfileListView.as_view(), name="list"),
    path("agency/<int:agency_pk>/draft/", views.StartDraftView.as_view(), name="start"),
    path("<int:pk>/", views.ProfileDetailView.as_view(), name="detail"),
    path("leaders/<int:pk>/photo/", views.LeaderPhotoView.as_view(), name="photo"),
]
