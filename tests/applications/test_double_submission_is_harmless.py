"""A form posted twice (a double click, a reload) records its fact once."""

import pytest
import time_machine
from django.urls import reverse

from gongkai.applications import services
from gongkai.applications.models import Application
from tests.applications.cases import d, make_case, person_intake
from tests.conftest import login, make_staff


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel("2025-11-20 10:00 +0800", tick=False):
        yield


def test_the_public_form_token_registers_one_case(agency_a):
    first = services.register(agency_a, person_intake(), submission_token="t" * 32)
    second = services.register(agency_a, person_intake(), submission_token="t" * 32)
    assert first.pk == second.pk
    assert Application.objects.count() == 1


def test_a_transition_posted_twice_writes_one_event(agency_a):
    clerk = make_staff(agency_a, "clerk")
    case = make_case(agency_a, "2025-11-10", user=clerk)
    client = login(clerk)
    url = reverse("cases:move_decide", args=[case.pk])
    form = {
        "decide-on": "2025-11-19",
        "decide-outcome": "granted",
        "decide-legal_basis": "《中华人民共和国政府信息公开条例》第三十六条第（二）项",
        "decide-reasons": "",
    }
    assert client.post(url, form).status_code == 302
    assert client.post(url, form).status_code == 302
    assert case.events.filter(kind="decided").count() == 1


def test_the_public_form_posted_twice_registers_one_case(client, agency_a):
    form = {
        "agency": agency_a.pk,
        "submission_token": "a" * 32,
        "applicant_category": "natural_person",
        "applicant_name": "李四",
        "id_type": "resident_id",
        "id_number": person_intake().id_number,
        "phone": "13900139000",
        "description": "某某文件",
        "provision_form": "electronic",
        "delivery_method": "online",
    }
    url = reverse("apply:form")
    assert client.post(url, form).status_code == 302
    assert client.post(url, form).status_code == 302
    assert Application.objects.filter(applicant_name="李四").count() == 1
    assert d("2025-11-20") == Application.objects.get().received_on
