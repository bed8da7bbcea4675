from django.urls import path

from . import config_views, views

app_name = "catalog"
urlpatterns = [
    path("items/", views.ItemListView.as_view(), name="item_list"),
    path("items/new/", views.ItemCreateView.as_view(), name="item_create"),
    path("items/<int:pk>/edit/", views.ItemEditView.as_view(), name="item_edit"),
    path(
        "items/<int:pk>/attachments/new/",
        views.AttachmentAddView.as_view(),
        name="attachment_add",
    ),
    path(
        "versions/<int:pk>/",
        views.ItemVersionView.as_view(),
        name="item_version",
    ),
    path(
        "attachments/<int:pk>/edit/",
        views.AttachmentChangeView.as_view(),
        name="attachment_change",
    ),
    path(
        "attachments/<int:pk>/",
        views.AttachmentDownloadView.as_view(),
        name="attachment_download",
    ),
    path("guide/", config_views.GuideAgencyListView.as_view(), name="guide_index"),
    path("guide/<int:agency_pk>/", config_views.GuideEditView.as_view(), name="guide_edit"),
    path("topics/", config_views.TopicListView.as_view(), name="topics"),
    path("genres/", config_views.GenreListView.as_view(), name="genres"),
]
