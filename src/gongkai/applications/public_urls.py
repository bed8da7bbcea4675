"""Portal URLs of 依申请公开 (namespace `apply`): forms and lookups anyone may use."""

from django.urls import path

from . import portal

app_name = "apply"
urlpatterns = [
    path("", portal.apply, name="form"),
    path("receipt/", portal.receipt, name="receipt"),
    path("status/", portal.status, name="status"),
    path("status/replies/<str:token>/", portal.reply_download, name="reply_download"),
    path("status/files/<str:token>/", portal.reply_file_download, name="reply_file_download"),
    path("deadline/", portal.deadline, name="deadline"),
    path(
        "paper-form/<int:agency_pk>.docx",
        portal.paper,
        {"file_format": "docx"},
        name="paper_form_docx",
    ),
    path(
        "paper-form/<int:agency_pk>.pdf",
        portal.paper,
        {"file_format": "pdf"},
        name="paper_form_pdf",
    ),
]
