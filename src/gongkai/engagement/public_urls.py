"""Portal URLs of 政民互动 (namespace `engage`): writing a message and looking it up."""

from django.urls import path

from gongkai.web.public_cache import form_page, private_page, public_page

from . import portal

app_name = "engage"
urlpatterns = [
    path("", form_page(portal.write), name="write"),
    path("receipt/", private_page(portal.receipt), name="receipt"),
    path("lookup/", form_page(portal.lookup), name="lookup"),
    path("replies/", public_page(portal.replies), name="replies"),
    path("replies/<int:pk>/", public_page(portal.reply), name="reply"),
]
