"""The public status page needs the tracking code and the applicant's phone, leaks no applicant
data, answers wrong guesses the same way, and slows down anyone who keeps guessing."""

import pytest
import time_machine
from django.urls import reverse

from gongkai.applications import services
from tests.applications.cases import d, make_case
from tests.conftest import make_staff


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel("2025-11-20 10:00 +0800", tick=False):
        yield


def test_code_and_phone_show_the_result_without_applicant_data(client, agency_a):
    clerk = make_staff(agency_a, "clerk")
    case = make_case(agency_a, "2025-11-10", user=clerk)
    services.decide(
        case,
        on=d("2025-11-19"),
        outcome="unable_not_held",
        legal_basis="《中华人民共和国政府信息公开条例》第三十六条第（四）项",
        reasons="经检索，本机关未制作该信息。",
        user=clerk,
    )
    response = client.post(
        reverse("apply:status"),
        {"tracking_code": case.tracking_code_display.lower(), "phone": "138-0013-8000"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "无法提供：本机关不掌握相关政府信息" in body
    for private in ("张三", "13800138000", case.id_number, case.id_number_masked, "低保"):
        assert private not in body


def test_a_wrong_phone_finds_nothing(client, agency_a):
    case = make_case(agency_a, "2025-11-10")
    response = client.post(
        reverse("apply:status"), {"tracking_code": case.tracking_code, "phone": "13900000000"}
    )
    assert "未找到与该查询码和联系电话对应的申请" in response.content.decode()
    assert case.number not in response.content.decode()


def test_lookups_are_rate_limited_per_address(client, agency_a, settings):
    settings.GONGKAI_STATUS_LOOKUPS_PER_15_MIN = 3
    case = make_case(agency_a, "2025-11-10")
    form = {"tracking_code": case.tracking_code, "phone": "13800138000"}
    for _ in range(3):
        assert client.post(reverse("apply:status"), form).status_code == 200
    refused = client.post(reverse("apply:status"), form)
    assert refused.status_code == 429
    assert "查询过于频繁" in refused.content.decode()
    assert case.number not in refused.content.decode()


def test_the_deadline_calculator_counts_working_days(client):
    response = client.get(reverse("apply:deadline"), {"start": "2025-09-26", "workdays": 20})
    assert "2025年10月30日" in response.content.decode()
