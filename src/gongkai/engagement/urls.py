"""Workbench URLs of 政民互动 (namespace `engagement`)."""

from django.urls import path

from . import consultation_views, views

app_name = "engagement"
urlpatterns = [
    path("", views.MessageListView.as_view(), name="list"),
    path("register/", views.RegisterView.as_view(), name="register"),
    path("<int:pk>/", views.MessageDetailView.as_view(), name="detail"),
    path("<int:pk>/attachment/", views.MessageAttachmentView.as_view(), name="attachment"),
    path("statistics/", views.StatisticsView.as_view(), name="statistics"),
    path("channels/", views.ChannelListView.as_view(), name="channels"),
    path("channels/<int:pk>/", views.ChannelUpdateView.as_view(), name="channel_edit"),
    path("consultations/", consultation_views.ConsultationListView.as_view(), name="consultations"),
    path(
        "consultations/new/",
        consultation_views.ConsultationCreateView.as_view(),
        name="consultation_new",
    ),
    path(
        "consultations/<int:pk>/",
        consultation_views.ConsultationDetailView.as_view(),
        name="consultation",
    ),
    path(
        "consultations/<int:pk>/edit/",
        consultation_views.ConsultationUpdateView.as_view(),
        name="consultation_edit",
    ),
    path(
        "consultations/<int:pk>/draft/",
        consultation_views.ConsultationDraftView.as_view(),
        name="consultation_draft",
    ),
    path(
        "consultations/comments/<int:pk>/",
        consultation_views.CommentDetailView.as_view(),
        name="consultation_comment",
    ),
]
