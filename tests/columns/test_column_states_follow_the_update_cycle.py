"""A column is current, due soon, stale or empty by the newest public item fed to it, counted
against its update cycle with today fixed at 2026-12-01: news columns within 2 weeks, notices
and policy within 6 months (183 days), warned 3 days ahead; an empty column is a problem unless
it carries a 情况说明. The whole list takes one query."""

from datetime import date

import pytest

from gongkai.catalog.models import Topic
from gongkai.columns.models import Column
from gongkai.columns.states import ColumnState, with_state
from tests.catalog.makers import Team
from tests.columns.makers import make_column, publish_on

TODAY = date(2026, 12, 1)


@pytest.fixture
def team(agency_a):
    return Team(agency_a)


def _states(agency) -> dict[str, str]:
    rows = with_state(Column.objects.filter(agency=agency), TODAY)
    return {column.name: column.state for column in rows}


def test_news_column_by_its_two_week_cycle(team, agency_a):
    make_column(agency_a, "新闻甲", genre="工作动态")
    publish_on(
        team, "工作动态", date(2026, 11, 17)
    )  # the cycle ends today: not stale yet, due soon
    assert _states(agency_a)["新闻甲"] == ColumnState.DUE_SOON
    Column.objects.filter(name="新闻甲").update(name="旧")
    make_column(agency_a, "新闻乙", kind="news", genre="统计数据")
    publish_on(team, "统计数据", date(2026, 11, 16))  # cycle ended 2026-11-30
    assert _states(agency_a)["新闻乙"] == ColumnState.STALE


def test_due_soon_starts_three_days_before_the_cycle_ends(team, agency_a):
    make_column(agency_a, "动态", genre="工作动态")
    publish_on(team, "工作动态", date(2026, 11, 21))  # ends 2026-12-05: four days ahead
    assert _states(agency_a)["动态"] == ColumnState.CURRENT
    publish_on(team, "工作动态", date(2026, 11, 20))  # older: the newest one counts
    assert _states(agency_a)["动态"] == ColumnState.CURRENT
    Column.objects.filter(name="动态").update(name="其他动态")
    make_column(agency_a, "要闻", genre="统计数据")
    publish_on(team, "统计数据", date(2026, 11, 20))  # ends 2026-12-04: three days ahead
    assert _states(agency_a)["要闻"] == ColumnState.DUE_SOON


def test_notice_column_has_six_months(team, agency_a):
    make_column(agency_a, "通知", kind="notice", genre="规划计划")
    publish_on(team, "规划计划", date(2026, 6, 1))  # 183 days end 2026-12-01
    assert _states(agency_a)["通知"] == ColumnState.DUE_SOON
    make_column(agency_a, "政策", kind="policy", genre="人事信息")
    publish_on(team, "人事信息", date(2026, 5, 31))
    assert _states(agency_a)["政策"] == ColumnState.STALE


def test_empty_column_needs_an_explanation(agency_a):
    make_column(agency_a, "空白", kind="other")
    make_column(agency_a, "已说明", kind="other", explanation="本机关不涉及行政事业性收费。")
    states = _states(agency_a)
    assert states["空白"] == ColumnState.EMPTY
    assert states["已说明"] == ColumnState.EXPLAINED


def test_only_public_items_of_the_same_agency_feed_a_column(agency_a, agency_b):
    make_column(agency_a, "动态", genre="规划计划")
    publish_on(Team(agency_b), "规划计划", date(2026, 11, 30))
    assert _states(agency_a)["动态"] == ColumnState.EMPTY


def test_a_topic_feeds_through_its_sub_topics(team, agency_a):
    parent = Topic.objects.get(name="综合政务", parent=None)
    column = make_column(agency_a, "综合")
    column.topics.add(parent)
    other = Topic.objects.get(name="统计", parent__name="国民经济管理、国有资产监管")
    publish_on(team, "其他", date(2026, 11, 30), topic=other)
    assert _states(agency_a)["综合"] == ColumnState.EMPTY
    publish_on(team, "其他", date(2026, 11, 29), topic=parent.children.get(name="政务公开"))
    assert _states(agency_a)["综合"] == ColumnState.CURRENT


def test_a_list_of_columns_takes_one_query(team, agency_a, django_assert_max_num_queries):
    for n in range(6):
        make_column(agency_a, f"栏目{n}", genre="工作动态")
    publish_on(team, "工作动态", date(2026, 11, 25))
    with django_assert_max_num_queries(1):
        rows = list(with_state(Column.objects.filter(agency=agency_a), TODAY))
    assert len(rows) >= 6
    assert {r.last_published.date() for r in rows if r.name.startswith("栏目")} == {
        date(2026, 11, 25)
    }
