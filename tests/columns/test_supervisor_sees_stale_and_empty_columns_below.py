"""A 主管部门 sees the columns of every agency below it; the warning tab lists their stale and
empty ones, and the inbox counts them. It configures none of them."""

from datetime import date

from django.utils import timezone

from gongkai.columns.inbox import SOURCES
from tests.catalog.makers import Team
from tests.columns.makers import make_column, publish_on
from tests.conftest import login, make_staff


def test_supervisor_lists_subordinate_problem_columns(county, agency_a, agency_b):
    supervisor = make_staff(county, "supervisor")
    for agency in (county, agency_a, agency_b):
        agency.columns.update(explanation="本栏目暂无信息。")
    stale = make_column(agency_a, "甲局统计", genre="统计数据")
    publish_on(Team(agency_a), "统计数据", date(2026, 10, 1))
    empty = make_column(agency_b, "乙局公告", kind="notice")
    client = login(supervisor)
    listed = client.get("/workbench/columns/?queue=columns_attention").context["object_list"]
    assert {c.pk for c in listed} == {stale.pk, empty.pk}
    page = client.get("/workbench/columns/").content.decode()
    assert "测试县甲局" in page and "测试县乙局" in page
    assert client.get(f"/workbench/columns/{stale.pk}/").status_code == 403  # reads only
    [source] = SOURCES
    assert source.rows(supervisor, timezone.localdate()).count() == 2
