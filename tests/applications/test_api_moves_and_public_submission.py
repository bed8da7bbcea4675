"""The API registers, moves and reads cases through the same services as the workbench; the
public submits and looks up status with no applicant data in the answer."""

import pytest
import time_machine
from rest_framework.test import APIClient

from gongkai.core import uscc
from tests.applications.cases import RESIDENT_ID, make_case
from tests.conftest import make_staff


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel("2025-11-20 10:00 +0800", tick=False):
        yield


def _staff_client(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_staff_decide_through_the_api(agency_a):
    clerk = make_staff(agency_a, "clerk")
    case = make_case(agency_a, "2025-11-10", user=clerk)
    client = _staff_client(clerk)
    url = f"/api/staff/applications/{case.pk}/moves/"
    offered = client.get(url).json()
    assert {"move": "decide", "label": "作出答复"} in offered["moves"]
    refused = client.post(
        url,
        {"move": "decide", "fields": {"on": "2025-11-19", "outcome": "granted"}},
        format="json",
    )
    assert refused.status_code == 400
    assert "法律依据" in refused.json()["legal_basis"][0]
    done = client.post(
        url,
        {
            "move": "decide",
            "fields": {"on": "2025-11-19", "outcome": "granted", "legal_basis": "第三十六条"},
        },
        format="json",
    )
    assert done.status_code == 200
    assert done.json()["status"] == "decided" and done.json()["outcome"] == "granted"
    assert RESIDENT_ID not in done.content.decode()


def test_only_the_office_head_approves_an_extension_through_the_api(agency_a):
    clerk = make_staff(agency_a, "clerk")
    leader = make_staff(agency_a, "leader")
    case = make_case(agency_a, "2025-11-10", user=clerk)
    url = f"/api/staff/applications/{case.pk}/moves/"
    request = {"move": "extension", "fields": {"on": "2025-11-19", "workdays": 10, "reason": "多"}}
    assert _staff_client(clerk).post(url, request, format="json").status_code == 200
    approve = {"move": "extension_approved", "fields": {"on": "2025-11-20"}}
    assert _staff_client(clerk).post(url, approve, format="json").status_code == 403
    approved = _staff_client(leader).post(url, approve, format="json")
    assert approved.status_code == 200
    assert approved.json()["due_date"] == "2025-12-22"


def test_public_submission_and_status(agency_a):
    client = APIClient()
    submission = {
        "agency": agency_a.pk,
        "submission_token": "api-1",
        "applicant_category": "commercial",
        "applicant_name": "某某科技有限公司",
        "credit_code": "91110108MA01AAAA0X",
        "legal_representative": "王五",
        "phone": "010-12345678",
        "description": "2024年政府采购合同",
        "provision_form": "electronic",
        "delivery_method": "online",
    }
    bad = client.post("/api/apply/applications/", submission, format="json")
    assert bad.status_code == 400 and "credit_code" in bad.json()
    first17 = "91110108MA01AAAA0"
    submission["credit_code"] = first17 + uscc.check_character(first17)
    receipt = client.post("/api/apply/applications/", submission, format="json")
    assert receipt.status_code == 201
    again = client.post("/api/apply/applications/", submission, format="json")
    assert again.json()["number"] == receipt.json()["number"]
    status = client.post(
        "/api/apply/status/",
        {"tracking_code": receipt.json()["tracking_code"], "phone": "01012345678"},
        format="json",
    )
    assert status.status_code == 200
    assert status.json()["status"] == "办理中"
    assert "某某科技" not in status.content.decode()
    assert client.get("/api/apply/applications/").status_code in (403, 405)
