from django.urls import path

from . import item_views, views

app_name = "review"
urlpatterns = [
    path("items/<int:pk>/", item_views.ItemDetailView.as_view(), name="item"),
    path("queue/", views.ReviewQueueView.as_view(), name="queue"),
    path("due/", views.DueListView.as_view(), name="due"),
    path("re-review/", views.ReReviewQueueView.as_view(), name="re_review"),
    path("chain/", views.ChainIndexView.as_view(), name="chain_index"),
    path("chain/<int:agency_pk>/", views.ChainView.as_view(), name="chain"),
]
