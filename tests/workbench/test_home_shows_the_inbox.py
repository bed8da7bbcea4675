"""The workbench home opens with the inbox: each waiting source grouped by area, with its count
and a link to the list of exactly those rows; 「没有待办事项」 when nothing waits; and a menu tile
carries the count of what waits on its page."""

import html
import re

import pytest

from gongkai.applications.models import Application
from tests.applications.cases import make_case
from tests.conftest import login, make_staff

pytestmark = pytest.mark.django_db

LINK = re.compile(
    r'<a href="([^"]+)"><span class="inbox-count">(\d+)</span> '
    r'<span class="inbox-title">([^<]+)</span>'
)


def test_home_lists_waiting_sources_whose_links_show_the_counted_rows(agency_a, agency_b):
    clerk = make_staff(agency_a, "clerk")
    overdue = [make_case(agency_a, "2026-10-09", user=clerk) for _ in range(2)]
    make_case(agency_a, "2026-11-30")
    make_case(agency_b, "2026-10-09")  # another agency's: never counted here
    client = login(clerk)
    page = client.get("/workbench/").content.decode()
    assert page.index("待办事项") < page.index("我的岗位")
    assert "依申请公开" in page
    links = {title: (html.unescape(url), int(n)) for url, n, title in LINK.findall(page)}
    assert links["已超期未答复的申请"] == ("/workbench/cases/?queue=overdue", 2)
    assert links["新收到、尚未分办的申请"][1] == 1
    assert "等待申请人缴费" not in links  # nothing waits there: not shown
    listed = client.get(links["已超期未答复的申请"][0]).context["object_list"]
    assert {case.pk for case in listed} == {case.pk for case in overdue}
    assert all(isinstance(case, Application) for case in listed)
    # The 依申请公开 tile carries the first waiting count of its list.
    assert re.search(
        r'class="tile" href="/workbench/cases/\?queue=unassigned">\s*'
        r'<span class="tile-title">依申请公开</span>\s*'
        r'<span class="tile-figure">1</span><span class="tile-note">待分办</span>',
        page,
    )


def test_all_clear(agency_a):
    page = login(make_staff(agency_a, "clerk")).get("/workbench/").content.decode()
    assert "没有待办事项。" in page and 'class="inbox-count"' not in page
