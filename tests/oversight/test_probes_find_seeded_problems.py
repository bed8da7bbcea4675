"""Each automatic probe finds the problem seeded at one agency, with its evidence (what, why,
where to see it and where to fix it), and nothing at a clean agency; all agencies are probed
together, in a fixed number of queries whatever their number."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gongkai.catalog.models import InfoItem
from gongkai.oversight.probes import PROBES, Scope, run_probes
from tests.conftest import make_agency
from tests.oversight.makers import make_clean, make_problems, moment, today


@pytest.fixture
def seeded(agency_a, agency_b):
    problems = make_problems(agency_a)
    make_clean(agency_b)
    outcomes = run_probes(PROBES, Scope((agency_a.pk, agency_b.pk), today()))
    return problems, outcomes


def labels(outcome) -> str:
    return "\n".join(f"{row['label']} {row['detail']}" for row in outcome.evidence)


def test_the_clean_agency_passes_every_probe(seeded, agency_b):
    _, outcomes = seeded
    failing = {name: o.summary for name, by in outcomes.items() if (o := by[agency_b.pk]).failed}
    assert failing == {}


EXPECTED = {
    "columns.stale": ("统计信息", "应于"),
    "columns.stale_key": ("统计信息", "动态要闻"),
    "columns.empty": ("专题专栏", "空白栏目"),
    "items.undated": ("有文号", "无成文日期"),
    "items.late": ("逾期公开的通知", "才公开"),
    "interpretations.missing": ("关于低保的规范性文件", "未填写政策解读链接"),
    "applications.overdue": ("申请", "已逾期"),
    "letters.incomplete": ("测依申复", "缺少救济途径"),
    "messages.unanswered_3_months": ("四个月前的咨询", "超过3个月未答复"),
    "messages.overdue": ("四个月前的咨询", "已逾期"),
    "pages.defaced": ("/xxgk/items/", "不一致"),
    "reports.annual_late": ("年度政府信息公开工作年度报告", "至今未公开"),
    "guide.incomplete": ("政府信息公开指南：办公地址", "未填写"),
}


def test_each_probe_finds_its_seeded_problem(seeded, agency_a):
    _, outcomes = seeded
    missed = {}
    for name, words in EXPECTED.items():
        outcome = outcomes[name][agency_a.pk]
        text = labels(outcome)
        if not outcome.failed or not all(w in text for w in words):
            missed[name] = text
        assert all(row["url"] and row["fix"] for row in outcome.evidence), name
    assert missed == {}


def test_counts_and_links_point_at_the_rows(seeded, agency_a):
    problems, outcomes = seeded
    assert outcomes["columns.stale"][agency_a.pk].count == 1
    assert outcomes["columns.empty"][agency_a.pk].count == 1
    assert (
        outcomes["columns.empty"][agency_a.pk]
        .evidence[0]["fix"]
        .endswith(f"/columns/{problems.empty_column.pk}/")
    )
    assert outcomes["letters.incomplete"][agency_a.pk].count == 1
    assert (
        f"/cases/{problems.letter.case_id}/"
        in outcomes["letters.incomplete"][agency_a.pk].evidence[0]["url"]
    )
    overdue = outcomes["applications.overdue"][agency_a.pk]
    assert overdue.count == 1 and f"/cases/{problems.case.pk}/" in overdue.evidence[0]["url"]
    assert outcomes["home.not_updated"][agency_a.pk].failed is False  # it published yesterday
    assert outcomes["channels.no_consultation"][agency_a.pk].failed is False


def test_nothing_published_for_two_weeks_is_found(agency_a):
    make_clean(agency_a)
    InfoItem.objects.filter(agency=agency_a).update(
        first_published_at=moment(today() - timedelta(days=15))
    )
    outcome = run_probes(["home.not_updated"], Scope((agency_a.pk,), today()))["home.not_updated"][
        agency_a.pk
    ]
    assert outcome.failed and "最近一次发布" in outcome.evidence[0]["detail"]


def test_probes_are_set_based(county, agency_a, agency_b):
    """The same number of queries for two agencies as for twelve."""
    make_problems(agency_a)
    make_clean(agency_b)

    def queries(ids):
        with CaptureQueriesContext(connection) as captured:
            run_probes(PROBES, Scope(tuple(ids), today()))
        return len(captured)

    few = queries([agency_a.pk, agency_b.pk])
    more = [make_agency(f"测试县第{n}局", county).pk for n in range(10)]
    assert queries([agency_a.pk, agency_b.pk, *more]) == few


def test_column_states_agree_with_the_columns_area(seeded, agency_a, agency_b):
    """The probes compute the columns' states from grouped queries; the columns area's own
    `with_state` gives the same answer for every column."""
    from gongkai.columns.models import Column
    from gongkai.columns.states import with_state
    from gongkai.oversight.probes import column_states

    scope = Scope((agency_a.pk, agency_b.pk), today())
    mine = {c.pk: (c.state, c.last_published, c.stale_at) for c in column_states(scope)}
    theirs = {
        c.pk: (c.state, c.last_published, c.stale_at)
        for c in with_state(
            Column.objects.filter(is_active=True, agency__in=scope.agency_ids), today()
        )
    }
    assert mine == theirs
    assert {state for state, *_ in mine.values()} >= {"stale", "empty", "explained"}
