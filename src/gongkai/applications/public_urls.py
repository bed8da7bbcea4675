"""Portal URLs of 依申请公开 (namespace `apply`): forms and lookups anyone may use."""

from django.urls import path

from gongkai.web.public_cache import form_page, private_page, public_page

from . import portal

app_name = "apply"
urlpatterns = [
    path("", form_page(portal.apply), name="form"),
    path("receipt/", private_page(portal.receipt), name="receipt"),
    path("status/", form_page(portal.status), name="status"),
    path("status/replies/<str:token>/", private_page(portal.reply_download), name="reply_download"),
    path(
        "status/files/<str:token>/",
        private_page(portal.reply_file_download),
        name="reply_file_download",
    ),
    path("deadline/", public_page(portal.deadline), name="deadline"),
    path(
        "paper-form/<int:agency_pk>.docx",
        public_page(portal.paper),
        {"file_format": "docx"},
        name="paper_form_docx",
    ),
    path(
        "paper-form/<int:agency_pk>.pdf",
        public_page(portal.paper),
        {"file_format": "pdf"},
        name="paper_form_pdf",
    ),
]
