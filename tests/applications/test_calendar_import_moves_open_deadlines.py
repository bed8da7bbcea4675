"""Importing a holiday schedule recomputes every open case's deadline inside the import, and
records that it did."""

import pytest
import time_machine

from gongkai.applications import services
from gongkai.calendar import holidays
from gongkai.core.models import AuditEvent
from tests.applications.cases import d, make_case
from tests.conftest import make_staff

SCHEDULE_2025_WITH_EXTRA_HOLIDAY = {
    "year": 2025,
    "notice": "测试〔2025〕1号",
    "holidays": [
        {"name": "国庆节", "from": "2025-10-01", "to": "2025-10-08"},
        # A holiday the built-in schedule does not have: every open deadline after it moves.
        {"name": "测试假日", "date": "2025-10-20"},
    ],
    "makeup_workdays": [{"date": "2025-09-28"}, {"date": "2025-10-11"}],
}


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel("2025-10-15 10:00 +0800", tick=False):
        yield


def test_import_moves_open_deadlines_and_says_so(agency_a):
    clerk = make_staff(agency_a, "clerk")
    open_case = make_case(agency_a, "2025-09-26", user=clerk)
    done = make_case(agency_a, "2025-09-26", user=clerk)
    services.decide(
        done,
        on=d("2025-10-14"),
        outcome="granted",
        legal_basis="第三十六条",
        reasons="",
        user=clerk,
    )
    assert open_case.due_date == d("2025-10-30")

    holidays.import_schedule(holidays.parse_schedule(SCHEDULE_2025_WITH_EXTRA_HOLIDAY))

    open_case.refresh_from_db()
    assert open_case.due_date == d("2025-10-31")
    trail = AuditEvent.objects.filter(action="recompute_deadlines").latest("seq")
    assert trail.after["checked"] == 1 and trail.after["changed"] == 1
    assert "测试〔2025〕1号" in trail.after["reason"]
