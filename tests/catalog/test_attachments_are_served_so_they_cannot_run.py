"""A published file is served as the type it was sniffed as and never sniffed again: a PDF or an
image shows in the page (a PDF inside a sandbox), a Word or Excel file is a download."""

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.catalog import services
from tests.catalog.files import docx_bytes, pdf_bytes, png_bytes, xlsx_bytes
from tests.catalog.makers import Team, make_item
from tests.conftest import login

pytestmark = pytest.mark.django_db

FILES = {
    "通知.pdf": (pdf_bytes(), "application/pdf", "inline"),
    "图.png": (png_bytes(), "image/png", "inline"),
    "通知.docx": (
        docx_bytes("某某通知"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "attachment",
    ),
    "表.xlsx": (
        xlsx_bytes(["甲", "乙"]),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "attachment",
    ),
}


@pytest.fixture
def published(agency_a):
    team = Team(agency_a)
    item = make_item(agency_a, team.clerk)
    for name, (data, _type, _disposition) in FILES.items():
        services.add_attachment(user=team.clerk, item=item, name=name, data=data)
    return team, team.publish(item)


def test_public_files_cannot_run(published):
    _team, item = published
    for attachment in item.published_version.attachments.all():
        _data, content_type, disposition = FILES[attachment.name]
        response = Client().get(reverse("disclosure:attachment", args=[attachment.pk]))
        assert response.status_code == 200
        assert response["Content-Type"] == content_type
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Disposition"].startswith(disposition)
        if attachment.kind == "pdf":
            assert response["Content-Security-Policy"].split(";")[0] == "sandbox"


def test_staff_downloads_are_downloads(published):
    team, item = published
    client = login(team.clerk)
    for attachment in item.published_version.attachments.all():
        response = client.get(reverse("catalog:attachment_download", args=[attachment.pk]))
        assert response["Content-Disposition"].startswith("attachment")
        assert response["X-Content-Type-Options"] == "nosniff"
