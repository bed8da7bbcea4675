"""One address cannot start statutory clocks by the dozen: public applications, on the form and
through the API, are limited per client address and hour with a Chinese answer (HTTP 429);
another address is not affected, and staff registering applications are never limited."""

import uuid

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from gongkai.applications.models import Application, Channel
from tests.applications.cases import person_intake
from tests.conftest import login, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel("2025-11-20 10:00 +0800", tick=False):
        yield


@pytest.fixture(autouse=True)
def _limit(settings):
    settings.GONGKAI_PUBLIC_SUBMISSIONS_PER_HOUR = 3


def _form(agency, **extra) -> dict:
    intake = person_intake()
    return {
        "agency": agency.pk,
        "submission_token": uuid.uuid4().hex,
        "applicant_category": intake.applicant_category,
        "applicant_name": "李四",
        "id_type": intake.id_type,
        "id_number": intake.id_number,
        "phone": "13900139000",
        "description": "某某文件",
        "provision_form": "electronic",
        "delivery_method": "online",
    } | extra


def test_the_form_refuses_the_fourth_application_from_one_address(agency_a):
    client = Client(REMOTE_ADDR="198.51.100.7")
    for _ in range(3):
        assert client.post(reverse("apply:form"), _form(agency_a)).status_code == 302
    refused = client.post(reverse("apply:form"), _form(agency_a))
    assert refused.status_code == 429
    assert "提交过于频繁" in refused.content.decode()
    assert Application.objects.count() == 3
    other = Client(REMOTE_ADDR="203.0.113.8")
    assert other.post(reverse("apply:form"), _form(agency_a)).status_code == 302


def test_the_limit_opens_again_after_an_hour(agency_a):
    client = Client(REMOTE_ADDR="198.51.100.7")
    for _ in range(3):
        client.post(reverse("apply:form"), _form(agency_a))
    assert client.post(reverse("apply:form"), _form(agency_a)).status_code == 429
    with time_machine.travel("2025-11-20 11:01 +0800", tick=False):
        assert client.post(reverse("apply:form"), _form(agency_a)).status_code == 302


def test_the_api_refuses_the_fourth_application_from_one_address(agency_a):
    client = Client(REMOTE_ADDR="198.51.100.7")
    codes = [
        client.post(
            "/api/apply/applications/", _form(agency_a), content_type="application/json"
        ).status_code
        for _ in range(4)
    ]
    assert codes == [201, 201, 201, 429]
    last = client.post("/api/apply/applications/", _form(agency_a), content_type="application/json")
    assert "提交过于频繁" in last.json()["detail"]


def test_invalid_forms_do_not_use_up_the_limit(agency_a):
    client = Client(REMOTE_ADDR="198.51.100.7")
    for _ in range(5):
        assert client.post(reverse("apply:form"), _form(agency_a, phone="")).status_code == 400
    assert client.post(reverse("apply:form"), _form(agency_a)).status_code == 302


def test_staff_registering_applications_are_not_limited(agency_a):
    clerk = login(make_staff(agency_a, "clerk"))
    intake = person_intake()
    for number in range(5):
        response = clerk.post(
            reverse("cases:register", args=[agency_a.pk]),
            {
                "channel": Channel.POST_SIGNED,
                "received_on": "2025-11-19",
                "applicant_category": intake.applicant_category,
                "applicant_name": intake.applicant_name,
                "id_type": intake.id_type,
                "id_number": intake.id_number,
                "phone": intake.phone,
                "email": intake.email,
                "description": f"第{number}件：{intake.description}",
                "provision_form": intake.provision_form,
                "delivery_method": intake.delivery_method,
            },
        )
        assert response.status_code == 302
    assert Application.objects.count() == 5
