"""An applicant who chose 网上获取 downloads the reply letter from the status page: only for that
case, only once delivery is recorded, behind the tracking code and phone, and audited."""

import re

import pytest
import time_machine
from django.urls import reverse

from gongkai.applications import letters, services
from gongkai.core.models import AuditEvent
from tests.applications.cases import d, make_case
from tests.conftest import make_staff

PHONE = "13800138000"


@pytest.fixture(autouse=True)
def _today(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    with time_machine.travel("2025-11-20 10:00 +0800", tick=True):
        yield


@pytest.fixture
def replied(agency_a):
    clerk = make_staff(agency_a, "clerk")
    case = make_case(agency_a, "2025-10-27", user=clerk, delivery_method="online")
    services.decide(
        case,
        on=d("2025-11-17"),
        outcome="granted",
        legal_basis="第三十六条",
        reasons="",
        user=clerk,
    )
    letters.generate(case, "reply", user=clerk)
    return case, clerk


def _status(client, case) -> str:
    form = {"tracking_code": case.tracking_code, "phone": PHONE}
    return client.post(reverse("apply:status"), form).content.decode()


def test_the_reply_is_offered_once_delivered_and_downloads_audited(client, replied):
    case, clerk = replied
    assert "网上获取答复" not in _status(client, case)  # not yet delivered
    services.deliver(case, on=d("2025-11-18"), method="online", tracking_number="", user=clerk)
    page = _status(client, case)
    link = re.search(r'href="(/apply/status/replies/[^"]+/)"', page).group(1)
    response = client.get(link)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    event = AuditEvent.objects.filter(action="online_download").get()
    assert event.record_id == str(case.pk) and "凭查询码和联系电话" in event.actor_label
    assert event.after["letter"] == case.letters.get().number


def test_a_link_cannot_be_forged_kept_or_used_for_another_way_of_delivery(
    client, replied, agency_a
):
    case, clerk = replied
    services.deliver(case, on=d("2025-11-18"), method="online", tracking_number="", user=clerk)
    link = re.search(r'href="(/apply/status/replies/[^"]+/)"', _status(client, case)).group(1)
    assert client.get(link[:-3] + "xx/").status_code == 404  # tampered
    with time_machine.travel("2025-11-20 11:00 +0800", tick=False):
        assert client.get(link).status_code == 404  # older than 30 minutes
    posted = make_case(agency_a, "2025-10-27", user=clerk, delivery_method="post")
    assert services.online_replies(posted) == []
    assert not AuditEvent.objects.filter(action="online_download").exists()
