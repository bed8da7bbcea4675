"""Workbench URLs of 政民互动 (namespace `engagement`)."""

from django.urls import path

from . import views

app_name = "engagement"
urlpatterns = [
    path("", views.MessageListView.as_view(), name="list"),
    path("register/", views.RegisterView.as_view(), name="register"),
    path("<int:pk>/", views.MessageDetailView.as_view(), name="detail"),
    path("channels/", views.ChannelListView.as_view(), name="channels"),
    path("channels/<int:pk>/", views.ChannelUpdateView.as_view(), name="channel_edit"),
]
