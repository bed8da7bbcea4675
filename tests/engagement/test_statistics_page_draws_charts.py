"""The workbench's 互动统计 page: received, answered and on time per month drawn as a chart on
the server (SVG, no script), for the agency's staff; a 主管部门 also sees each subordinate
agency side by side, and may narrow the page to one of them; the tables carry the counters and
the 意见征集 figures."""

import re

import pytest
from django.urls import reverse

from gongkai.engagement import oversight, services
from tests.applications.cases import d
from tests.conftest import login, make_staff
from tests.engagement.makers import make_message

pytestmark = pytest.mark.django_db


@pytest.fixture
def handled(agency_a, agency_b):
    clerk = make_staff(agency_a, "clerk")
    answered = make_message(agency_a, received_on=d("2026-11-23"))
    services.reply(
        services.accept(answered, complex_case=False, user=clerk), text="答复", user=clerk
    )
    make_message(agency_a, received_on=d("2026-12-01"))
    make_message(agency_b, received_on=d("2026-11-30"))
    return clerk


def _bars(html: str) -> list[str]:
    return re.findall(r"<rect [^>]*><title>([^<]+)</title>", html)


def test_months_are_counted_by_receipt(handled, agency_a):
    months = oversight.monthly(oversight.Message.objects.filter(agency=agency_a), 2026)
    assert len(months) == 12
    assert (months[10].received, months[10].answered, months[10].on_time) == (1, 1, 0)
    assert (months[11].received, months[11].answered) == (1, 0)
    assert sum(m.received for m in months[:10]) == 0


def test_the_agency_sees_its_months_and_no_other_agency(handled, agency_a, agency_b):
    html = login(handled).get(reverse("engagement:statistics"), {"year": 2026}).content.decode()
    assert html.count('role="img"') == 1  # per month only: one agency
    bars = _bars(html)
    assert "11月收到1" in bars and "11月答复1" in bars and "12月收到1" in bars
    assert "<script" not in html.split('id="statistics-charts"')[1].split("</section>")[0]
    assert agency_b.name not in html.split('id="statistics-table"')[1]


def test_the_supervisor_sees_each_subordinate(handled, county, agency_a, agency_b):
    supervisor = make_staff(county, "supervisor")
    client = login(supervisor)
    html = client.get(reverse("engagement:statistics"), {"year": 2026}).content.decode()
    assert html.count('role="img"') == 2
    bars = _bars(html)
    assert f"{agency_a.display_name}收到2" in bars and f"{agency_b.display_name}收到1" in bars
    one = client.get(
        reverse("engagement:statistics"), {"year": 2026, "agency": agency_b.pk}
    ).content.decode()
    assert one.count('role="img"') == 1 and "11月收到1" in _bars(one)
    assert "12月收到1" not in _bars(one)
