"""Workbench URLs of the 政务新媒体 register (namespace `newmedia`)."""

from django.urls import path

from . import views

app_name = "newmedia"
urlpatterns = [
    path("", views.AccountListView.as_view(), name="list"),
    path("agency/<int:agency_pk>/new/", views.AccountCreateView.as_view(), name="create"),
    path("agency/<int:agency_pk>/import/", views.ImportView.as_view(), name="import"),
    path("<int:pk>/", views.AccountUpdateView.as_view(), name="edit"),
]
