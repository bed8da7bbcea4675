"""Portal URLs of 政民互动 (namespace `engage`): writing a message and looking it up, the
published replies, and 意见征集."""

from django.urls import path

from gongkai.web.public_cache import form_page, private_page, public_page

from . import consultation_portal, portal

app_name = "engage"
urlpatterns = [
    path("", form_page(portal.write), name="write"),
    path("receipt/", private_page(portal.receipt), name="receipt"),
    path("lookup/", form_page(portal.lookup), name="lookup"),
    path("replies/", public_page(portal.replies), name="replies"),
    path("replies/<int:pk>/", public_page(portal.reply), name="reply"),
    path(
        "consultations/",
        public_page(consultation_portal.consultation_list),
        name="consultations",
    ),
    # The comment form is on the page while the consultation takes comments: never cached.
    path(
        "consultations/<int:pk>/",
        form_page(consultation_portal.consultation),
        name="consultation",
    ),
    path(
        "consultations/<int:pk>/result/",
        public_page(consultation_portal.result),
        name="consultation_result",
    ),
    path(
        "consultations/<int:pk>/draft/",
        public_page(consultation_portal.draft),
        name="consultation_draft",
    ),
]
