"""Portal URLs of 政民互动 (namespace `engage`): writing a message and looking it up."""

from django.urls import path

from . import portal

app_name = "engage"
urlpatterns = [
    path("", portal.write, name="write"),
    path("receipt/", portal.receipt, name="receipt"),
    path("lookup/", portal.lookup, name="lookup"),
    path("replies/", portal.replies, name="replies"),
    path("replies/<int:pk>/", portal.reply, name="reply"),
]
