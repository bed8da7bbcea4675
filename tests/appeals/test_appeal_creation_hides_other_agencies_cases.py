"""Recording an appeal through the API names its case by id; another agency's case and an id
that does not exist get the same answer, so the API cannot be used to learn which ids exist."""

import pytest
from rest_framework.test import APIClient

from gongkai.appeals.models import Appeal
from tests.applications.cases import make_case
from tests.conftest import make_staff

pytestmark = pytest.mark.django_db


def _post(client, agency, case_id):
    return client.post(
        "/api/staff/appeals/",
        {
            "agency": agency.pk,
            "case": case_id,
            "kind": "reconsideration",
            "appellant": "张三",
            "body": "某某县人民政府",
            "filed_on": "2026-11-20",
            "result": "pending",
        },
        format="json",
    )


def test_another_agencys_case_reads_as_missing(agency_a, agency_b):
    clerk = make_staff(agency_a, "clerk", "agency_admin")
    client = APIClient()
    client.force_authenticate(clerk)
    theirs = make_case(agency_b, "2026-11-10")
    missing = theirs.pk + 1000
    other, absent = _post(client, agency_a, theirs.pk), _post(client, agency_a, missing)
    assert other.status_code == absent.status_code == 400
    assert other.json() == {
        key: [m.replace(str(missing), str(theirs.pk)) for m in found]
        for key, found in absent.json().items()
    }
    assert "本机关" in other.json()["case"][0]
    assert not Appeal.objects.exists()


def test_the_agencys_own_case_is_accepted(agency_a):
    clerk = make_staff(agency_a, "clerk", "agency_admin")
    client = APIClient()
    client.force_authenticate(clerk)
    own = make_case(agency_a, "2026-11-10")
    assert _post(client, agency_a, own.pk).status_code == 201
