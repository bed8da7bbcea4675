"""Workbench URLs of 依申请公开 (namespace `cases`)."""

from django.urls import path

from . import reply_file_views, views
from .workflow import CASE_WORKFLOW

app_name = "cases"
urlpatterns = [
    path("", views.CaseListView.as_view(), name="list"),
    path("overview/", views.CaseOverviewView.as_view(), name="overview"),
    path("agencies/<int:agency_pk>/new/", views.CaseRegisterView.as_view(), name="register"),
    path(
        "agencies/<int:agency_pk>/letter-templates/",
        views.LetterTemplateView.as_view(),
        name="letter_templates",
    ),
    path("<int:pk>/", views.CaseDetailView.as_view(), name="detail"),
    *[
        path(
            f"<int:pk>/{name.replace('_', '-')}/",
            views.CaseMoveView.as_view(move=name, action=transition.action),
            name=f"move_{name}",
        )
        for name, transition in CASE_WORKFLOW.transitions.items()
    ],
    path("<int:pk>/scans/", views.ScanUploadView.as_view(), name="scan_upload"),
    path("scans/<int:pk>/", views.ScanFileView.as_view(), name="scan_file"),
    path("reply-files/<int:pk>/", reply_file_views.ReplyFileView.as_view(), name="reply_file"),
    path(
        "letters/<int:pk>/pdf/", views.LetterFileView.as_view(file_format="pdf"), name="letter_pdf"
    ),
    path(
        "letters/<int:pk>/docx/",
        views.LetterFileView.as_view(file_format="docx"),
        name="letter_docx",
    ),
]
