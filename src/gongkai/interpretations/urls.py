"""Workbench URLs of interpretations (namespace `interpretations`)."""

from django.urls import path

from . import views

app_name = "interpretations"
urlpatterns = [
    path("", views.InterpretationListView.as_view(), name="list"),
    path("<int:pk>/", views.InterpretationDetailView.as_view(), name="detail"),
    path("documents/", views.DocumentListView.as_view(), name="documents"),
    path("documents/<int:pk>/", views.DocumentView.as_view(), name="document"),
    path("documents/<int:pk>/new/", views.InterpretationCreateView.as_view(), name="create"),
    path("settings/<int:agency_pk>/", views.SyncSettingView.as_view(), name="setting"),
]
