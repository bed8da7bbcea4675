"""Staff who may read a message download its attachment from the message page: served as the
type it was sniffed as, never another (nosniff), as a download unless PDF or image, and each
download is in the audit trail; other agencies' staff get 404, as does a message without one."""

import pytest
from django.urls import reverse

from gongkai.core.models import AuditEvent
from gongkai.engagement.services import Upload
from tests.catalog.files import docx_bytes
from tests.conftest import login, make_staff
from tests.engagement.makers import make_message

pytestmark = pytest.mark.django_db


@pytest.fixture
def with_attachment(agency_a, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    upload = Upload("情况说明.docx", docx_bytes("小区路灯不亮已有两周。"))
    return make_message(agency_a, attachment=upload)


def test_the_handler_downloads_it_and_the_download_is_audited(agency_a, with_attachment):
    clerk = make_staff(agency_a, "clerk")
    client = login(clerk)
    page = client.get(reverse("engagement:detail", args=[with_attachment.pk])).content.decode()
    url = reverse("engagement:attachment", args=[with_attachment.pk])
    assert f'href="{url}"' in page
    response = client.get(url)
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"].startswith("attachment")
    body = b"".join(response.streaming_content)
    assert body.startswith(b"PK")
    event = AuditEvent.objects.get(action="download_attachment")
    assert event.record_id == str(with_attachment.pk) and event.actor_id == clerk.pk


def test_other_agencies_and_messages_without_one_get_404(agency_a, agency_b, with_attachment):
    outsider = login(make_staff(agency_b, "clerk"))
    url = reverse("engagement:attachment", args=[with_attachment.pk])
    assert outsider.get(url).status_code == 404
    plain = make_message(agency_a, subject="没有附件")
    clerk = login(make_staff(agency_a, "clerk"))
    assert clerk.get(reverse("engagement:attachment", args=[plain.pk])).status_code == 404
    assert not AuditEvent.objects.filter(action="download_attachment").exists()
