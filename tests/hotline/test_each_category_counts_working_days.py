"""Each category's limit in working days, on the real 2026 calendar: a work order dispatched on
the Friday before National Day (25 September) starts counting on Monday 28 September, skips
1–7 October and counts the make-up Saturday 10 October. The limits are data an agency admin
changes, and the open orders follow; a deadline in 2027 is provisional until that year's notice
is imported."""

from datetime import date

import pytest
from django.urls import reverse

from gongkai.calendar import workdays
from gongkai.engagement import clock
from gongkai.hotline.defaults import DEFAULT_CATEGORIES
from gongkai.hotline.models import OrderCategory
from tests.conftest import login, make_staff
from tests.hotline.makers import make_order

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_calendar():
    workdays.invalidate()
    yield
    workdays.invalidate()


@pytest.mark.parametrize(
    ("kind", "label", "limit", "due"),
    [
        ("consult", "咨询", 2, date(2026, 9, 29)),
        ("help", "求助", 10, date(2026, 10, 15)),
        ("suggest", "建议", 10, date(2026, 10, 15)),
        ("complaint", "投诉", 15, date(2026, 10, 22)),
        ("report", "举报", 15, date(2026, 10, 22)),
    ],
)
def test_dispatched_the_friday_before_national_day(agency_a, kind, label, limit, due):
    order = make_order(agency_a, f"N{kind}", kind=kind, dispatched="2026-09-25 16:30")
    assert order.category.get_kind_display() == label
    assert order.category.limit_workdays == limit
    assert order.due_on == due


def test_the_values_no_text_confirms_are_marked():
    for default in DEFAULT_CATEGORIES:
        assert "延期上限" in default.unconfirmed and "提前提醒" in default.unconfirmed
        assert default.basis


def test_the_admin_changes_a_limit_and_open_orders_follow(agency_a):
    order = make_order(agency_a, "N1", kind="consult", dispatched="2026-09-25 16:30")
    admin = make_staff(agency_a, "agency_admin")
    category = OrderCategory.objects.get(agency=agency_a, kind="consult")
    page = login(admin).get(reverse("hotline:categories")).content.decode()
    assert "待核实" in page and "广东" in page
    response = login(admin).post(
        reverse("hotline:category_edit", args=[category.pk]),
        {"limit_workdays": 3, "warn_workdays": 1, "max_extension_workdays": 10, "basis": "本市"},
        follow=True,
    )
    assert "1件在办工单的办理期限随之调整" in response.content.decode()
    order.refresh_from_db()
    assert order.due_on == date(2026, 9, 30)
    clerk = make_staff(agency_a, "clerk")
    edit = reverse("hotline:category_edit", args=[category.pk])
    assert login(clerk).post(edit, {"limit_workdays": 1}).status_code == 403


def test_a_deadline_in_a_provisional_year_says_so(agency_a):
    order = make_order(agency_a, "N2", kind="complaint", dispatched="2026-12-25 10:00")
    assert order.due_on.year == 2027
    assert clock.due_note(order.received_on, order.due_on).startswith("暂定")
    assert order.due_note == clock.due_note(order.received_on, order.due_on)
