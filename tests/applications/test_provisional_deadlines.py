"""A deadline counted through a year whose holiday notice is not imported yet is given, marked
暂定 wherever it appears, and becomes final when the year's schedule is imported."""

import pytest
import time_machine
from django.urls import reverse

from gongkai.applications import letters, services
from gongkai.applications.models import Application
from gongkai.calendar import holidays, workdays
from gongkai.core.models import AuditEvent
from tests.applications.cases import d, make_case
from tests.conftest import login, make_staff

NOTE_2027 = "暂定，按法定节假日推算，2027年节假日安排公布后自动更新"

# Invented for the tests (not the real notice): 元旦 1–3 January and one more day off on
# Monday 4 January, so that importing it moves the provisional deadline by a day.
SCHEDULE_2027 = {
    "year": 2027,
    "notice": "测试发明电〔2026〕9号",
    "holidays": [
        {"name": "元旦", "from": "2027-01-01", "to": "2027-01-04"},
        {"name": "春节", "from": "2027-02-05", "to": "2027-02-11"},
    ],
}


@pytest.fixture(autouse=True)
def _calendar(db):
    workdays.invalidate()
    with time_machine.travel("2026-12-21 10:00 +0800", tick=False):
        yield
    workdays.invalidate()


@pytest.fixture
def clerk(agency_a):
    return make_staff(agency_a, "clerk", "reviewer", "leader")


@pytest.fixture
def case(agency_a, clerk):
    # Received on Sunday 20 December 2026: 9 working days left in 2026, 1 January off by law.
    return make_case(agency_a, "2026-12-20", user=clerk)


def test_the_case_carries_a_provisional_deadline(case):
    assert case.due_date == d("2027-01-18")
    assert case.due_provisional_year == 2027
    assert case.due_display == "2027-01-18（暂定）"
    assert case.due_provisional_note == NOTE_2027
    assert list(Application.objects.due_provisional()) == [case]
    # Queues still sort and warn by it: it is due within 20 working days.
    assert list(Application.objects.due_within(20, d("2026-12-21"))) == [case]


def test_the_workbench_shows_the_mark(case, clerk):
    client = login(clerk)
    page = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "2027-01-18（暂定）" in page
    assert NOTE_2027 in page
    listed = client.get(reverse("cases:list"), {"queue": "provisional"}).content.decode()
    assert case.number in listed and "2027-01-18（暂定）" in listed
    overview = client.get(reverse("cases:overview")).context["agencies"]
    assert [agency.provisional_count for agency in overview] == [1]


def test_the_public_status_page_and_calculator_show_the_mark(client, case):
    status = client.post(
        reverse("apply:status"), {"tracking_code": case.tracking_code, "phone": "13800138000"}
    ).content.decode()
    assert "2027-01-18（暂定）" in status and NOTE_2027 in status
    calculated = client.get(
        reverse("apply:deadline"), {"start": "2026-12-20", "workdays": 20}
    ).content.decode()
    assert "2027年1月18日" in calculated and NOTE_2027 in calculated
    final = client.get(
        reverse("apply:deadline"), {"start": "2026-11-02", "workdays": 20}
    ).content.decode()
    assert "2026年11月30日" in final and "暂定" not in final


def test_letters_state_the_period_and_give_the_date_only_where_marked(case, clerk, agency_a):
    services.assess_fee(case, on=d("2026-12-21"), method="per_page", pages=200, user=clerk)
    fee = letters.generate(case, "fee", user=clerk).text
    # The built-in wording keeps the statutory period and leaves the provisional date out.
    assert "请您自收到本通知之日起20个工作日内缴纳" in fee
    assert "2027年1月" not in fee
    letters.save_template(agency_a, "fee", "缴费期限：{{ 缴费期限 }}；暂定：{{ 暂定缴费期限 }}")
    marked = letters.generate(case, "fee", user=clerk).text
    assert "缴费期限：；暂定：2027年1月19日（暂定）" in marked


def test_importing_the_year_makes_every_deadline_final_and_says_so(case, client):
    holidays.import_schedule(holidays.parse_schedule(SCHEDULE_2027))

    case.refresh_from_db()
    assert case.due_date == d("2027-01-19")  # 4 January is off in the imported schedule
    assert case.due_provisional_year is None
    assert case.due_display == "2027-01-19"
    assert not Application.objects.due_provisional().exists()
    trail = AuditEvent.objects.filter(action="recompute_deadlines").latest("seq")
    assert trail.after["changed"] == 1 and trail.after["still_provisional"] == 0
    assert "测试发明电〔2026〕9号" in trail.after["reason"]
    status = client.post(
        reverse("apply:status"), {"tracking_code": case.tracking_code, "phone": "13800138000"}
    ).content.decode()
    assert "2027-01-19" in status and "暂定" not in status


def test_a_year_boundary_with_spring_festival_in_late_january(agency_a, clerk):
    holidays.import_schedule(holidays.parse_schedule(SCHEDULE_2027))
    with time_machine.travel("2028-01-03 10:00 +0800", tick=False):
        late = make_case(agency_a, "2027-12-28", user=clerk)
    # 3 days left in 2027; 3 Jan 2028 makes up 元旦 (a Saturday); 除夕 25 Jan to 初三 28 Jan off.
    assert late.due_date == d("2028-02-01")
    assert late.due_provisional_year == 2028
    assert late.due_display == "2028-02-01（暂定）"
