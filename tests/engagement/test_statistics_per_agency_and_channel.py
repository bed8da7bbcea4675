"""The counters per agency, channel and period — received, answered, on time, average working
days to reply, published — for the agency's staff and, across its subordinates, for the 主管部门
(the statistics endpoint of the staff API and `gongkai engagement stats`)."""

import json

import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

from gongkai.engagement import services
from tests.applications.cases import d
from tests.conftest import make_staff
from tests.engagement.makers import make_message

pytestmark = pytest.mark.django_db


@pytest.fixture
def handled(agency_a, agency_b):
    clerk_a, clerk_b = make_staff(agency_a, "clerk"), make_staff(agency_b, "clerk")
    # Received 2026-11-23, answered 2026-12-01: 6 working days, past the 3-day limit.
    late = make_message(agency_a, received_on=d("2026-11-23"), publish_consent=True)
    late = services.accept(late, complex_case=False, user=clerk_a)
    services.reply(late, text="答复。", publish=True, user=clerk_a)
    # Received 2026-11-30, answered 2026-12-01: 1 working day, on time, not published.
    quick = make_message(agency_a, received_on=d("2026-11-30"))
    services.reply(
        services.accept(quick, complex_case=False, user=clerk_a), text="答复", user=clerk_a
    )
    make_message(agency_a)  # open
    make_message(agency_b, kind="complaint")
    return clerk_a, clerk_b


def _rows(user):
    api = APIClient()
    api.force_authenticate(user)
    response = api.get("/api/staff/messages/statistics/", {"year": 2026})
    assert response.status_code == 200
    return {(row["agency"], row["channel"]): row for row in response.json()["rows"]}


def test_the_agency_sees_its_own_counters(handled, agency_a, agency_b):
    clerk_a, _ = handled
    rows = _rows(clerk_a)
    assert set(rows) == {(agency_a.name, "咨询")}
    assert {
        k: rows[(agency_a.name, "咨询")][k]
        for k in ("received", "answered", "on_time", "average_workdays_to_reply", "published")
    } == {
        "received": 3,
        "answered": 2,
        "on_time": 1,
        "average_workdays_to_reply": 3.5,
        "published": 1,
    }


def test_the_supervisor_sees_its_subordinates(handled, county, agency_a, agency_b):
    supervisor = make_staff(county, "supervisor")
    assert set(_rows(supervisor)) == {(agency_a.name, "咨询"), (agency_b.name, "投诉举报")}


def test_the_command_gives_the_same_counters(handled, agency_a, capsys):
    call_command("engagement", "stats", "--year", "2026", "--json")
    rows = json.loads(capsys.readouterr().out)["rows"]
    mine = next(row for row in rows if row["agency"] == agency_a.name)
    assert (mine["received"], mine["on_time"], mine["published"]) == (3, 1, 1)
