"""Each demo role sees the workbench menu its work needs, and no more."""

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.demo import data
from tests.conftest import password_login

EXPECTED = {
    "admin": {"工作台首页", "机关信息", "人员与角色", "审计日志"},
    "county_admin": {"工作台首页", "机关信息", "人员与角色", "审计日志"},
    "county_supervisor": {"工作台首页", "机关信息", "人员与角色", "审计日志"},
    "county_leader": {"工作台首页", "机关信息"},
    "mz_clerk": {"工作台首页", "机关信息"},
    "mz_reviewer": {"工作台首页", "机关信息"},
    "mz_leader": {"工作台首页", "机关信息"},
    "mz_admin": {"工作台首页", "机关信息", "人员与角色", "审计日志"},
}
ALL_ENTRIES = {"工作台首页", "机关信息", "人员与角色", "审计日志"}


@pytest.fixture
def demo(db):
    data.load()


@pytest.mark.parametrize(("username", "menu"), sorted(EXPECTED.items()))
def test_menu_matches_role(demo, username, menu):
    client = password_login(username, data.DEMO_PASSWORD)
    page = client.get(reverse("workbench:home")).content.decode()
    nav = page.split('aria-label="工作台菜单"')[1].split("</nav>")[0]
    shown = {entry for entry in ALL_ENTRIES if f">{entry}</a>" in nav}
    assert shown == menu


def test_agency_counts_follow_scope(demo):
    client = password_login("county_supervisor", data.DEMO_PASSWORD)
    page = client.get(reverse("workbench:agency_list")).content.decode()
    assert "（11 个）" in page  # the county, nine departments and the town
    client = password_login("mz_clerk", data.DEMO_PASSWORD)
    page = client.get(reverse("workbench:agency_list")).content.decode()
    assert "（1 个）" in page and "某某县民政局" in page


def test_clerks_are_refused_staff_and_audit_pages(demo):
    client = password_login("mz_clerk", data.DEMO_PASSWORD)
    for name in ("workbench:staff_list", "workbench:audit_log", "workbench:staff_export"):
        response = client.get(reverse(name))
        assert response.status_code == 403
        assert "权限" in response.content.decode()


def test_anonymous_visitors_are_sent_to_login(db):
    response = Client().get(reverse("workbench:home"))
    assert response.status_code == 302 and response.url.startswith(reverse("accounts:login"))
