"""The workbench queues: mine, due within N working days, overdue, paused, waiting for the
applicant; and a supervisor's counts per subordinate agency."""

import pytest
import time_machine
from django.urls import reverse

from gongkai.applications import services
from gongkai.applications.models import Application
from tests.applications.cases import d, make_case
from tests.conftest import login, make_staff


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel("2025-11-20 10:00 +0800", tick=False):
        yield


@pytest.fixture
def cases(agency_a):
    clerk = make_staff(agency_a, "clerk", username="clerk_a")
    other = make_staff(agency_a, "clerk", username="other_a")
    overdue = make_case(agency_a, "2025-10-09", user=clerk, applicant_name="超期甲")
    soon = make_case(agency_a, "2025-10-27", user=other, applicant_name="将到期乙")
    fresh = make_case(agency_a, "2025-11-19", user=clerk, applicant_name="新收丙")
    paused = make_case(agency_a, "2025-11-10", user=clerk, applicant_name="中止丁")
    services.start_consultation(
        paused, on=d("2025-11-12"), party="某公司", party_kind="third_party", user=clerk
    )
    waiting = make_case(agency_a, "2025-11-17", user=clerk, applicant_name="补正戊")
    services.request_correction(
        waiting, on=d("2025-11-18"), deadline=d("2025-12-02"), items="补充", user=clerk
    )
    return {"clerk": clerk, "overdue": overdue, "soon": soon, "fresh": fresh}


def _names(client, **query) -> set[str]:
    response = client.get(reverse("cases:list"), query)
    assert response.status_code == 200
    return {
        c.applicant_name for c in Application.objects.all() if c.number in response.content.decode()
    }


def test_queues(cases):
    client = login(cases["clerk"])
    assert cases["overdue"].due_date == d("2025-11-05")
    assert cases["soon"].due_date == d("2025-11-24")
    assert _names(client, queue="overdue") == {"超期甲"}
    assert _names(client, queue="due", days=3) == {"将到期乙"}
    assert _names(client, queue="paused") == {"中止丁"}
    assert _names(client, queue="waiting") == {"补正戊"}
    assert _names(client, queue="mine") == {"超期甲", "新收丙", "中止丁", "补正戊"}


def test_supervisor_counts_per_subordinate_agency(county, agency_a, agency_b, cases):
    make_case(agency_b, "2025-11-19", applicant_name="乙局申请")
    supervisor = make_staff(county, "supervisor")
    response = login(supervisor).get(reverse("cases:overview"))
    rows = {
        agency.name: (agency.open_count, agency.overdue_count, agency.paused_count)
        for agency in response.context["agencies"]
    }
    assert rows[agency_a.name] == (5, 1, 1)
    assert rows[agency_b.name] == (1, 0, 0)
    # The department's own clerk sees only the department.
    own = login(cases["clerk"]).get(reverse("cases:overview")).context["agencies"]
    assert [a.name for a in own] == [agency_a.name]


def test_from_november_the_list_warns_of_a_missing_next_year(agency_a):
    clerk = make_staff(agency_a, "clerk")
    with time_machine.travel("2026-11-02 10:00 +0800", tick=False):
        page = login(clerk).get(reverse("cases:list")).content.decode()
    assert "2027年节假日安排尚未导入" in page
    with time_machine.travel("2026-10-30 10:00 +0800", tick=False):
        page = login(clerk).get(reverse("cases:list")).content.decode()
    assert "节假日安排尚未导入" not in page
