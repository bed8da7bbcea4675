"""Draft → submitted → returned / accepted → published, each move named, checked and audited."""

from datetime import date

import pytest

from gongkai.core.models import AuditEvent
from gongkai.lib.errors import Refused
from gongkai.reports import services
from gongkai.reports.content import content_hash
from gongkai.reports.models import ReportStatus
from tests.conftest import make_staff

from .seed import make_case, seed_year

YEAR = 2025


@pytest.fixture
def people(county, agency_a):
    return {
        "clerk": make_staff(agency_a, "clerk"),
        "leader": make_staff(agency_a, "leader"),
        "supervisor": make_staff(county, "supervisor"),
    }


@pytest.fixture
def draft(agency_a, people):
    seed_year(agency_a, YEAR, cases=60)
    return services.create_draft(agency_a, YEAR, user=people["clerk"])


def _transitions(report) -> list[str]:
    return list(
        AuditEvent.objects.filter(record_type="reports.annualreport", record_id=str(report.pk))
        .order_by("seq")
        .values_list("action", flat=True)
    )


def test_a_report_goes_from_draft_to_published_and_is_frozen(agency_a, draft, people):
    assert draft.status == ReportStatus.DRAFT
    assert "新收政府信息公开申请" in draft.overview
    services.enter_figures(
        draft, user=people["clerk"], licensing="10", punishment="2", coercion="0", fees="1.25"
    )
    services.submit(draft, user=people["leader"])
    services.accept(draft, user=people["supervisor"])
    report = services.publish(draft, user=people["leader"])
    assert report.status == ReportStatus.PUBLISHED
    assert report.content_hash == content_hash(report.published_content)
    assert services.verify_published(report)
    published = services.content_of(report).figures.as_json()
    # A case registered afterwards changes the records, not the published report.
    make_case(agency_a, date(YEAR, 5, 1), "natural_person")
    report.refresh_from_db()
    assert services.content_of(report).figures.as_json() == published
    assert report.entered_by == people["clerk"]
    actions = _transitions(report)
    for name in ("create_draft", "enter_figures", "submit", "accept", "publish"):
        assert name in actions


def test_a_failing_identity_stops_submission(draft, people):
    services.override_cell(
        draft,
        user=people["clerk"],
        cell="t3.granted.natural_person",
        value=999,
        reason="手工核对后更正",
    )
    draft.refresh_from_db()
    assert {i["rule"] for i in draft.inconsistencies} >= {"t3_results_sum", "t3_row_total"}
    with pytest.raises(Refused, match="勾稽关系不成立"):
        services.submit(draft, user=people["leader"])
    draft.refresh_from_db()
    assert draft.status == ReportStatus.DRAFT
    services.remove_override(draft, user=people["clerk"], cell="t3.granted.natural_person")
    assert services.submit(draft, user=people["leader"]).status == ReportStatus.SUBMITTED


def test_an_override_needs_a_reason_and_keeps_the_computed_value(draft, people):
    with pytest.raises(Refused, match="更正理由"):
        services.override_cell(
            draft, user=people["clerk"], cell="t4.reconsideration.upheld", value=1, reason=""
        )
    override = services.override_cell(
        draft,
        user=people["clerk"],
        cell="t2.regulations.in_force",
        value=40,
        reason="含目录建立前制发、尚未录入的规章",
    )
    assert override.computed_value is not None
    assert override.created_by == people["clerk"]
    draft.refresh_from_db()
    assert draft.figures["table2"]["regulations"]["in_force"] == 40


def test_the_supervisor_returns_with_reasons_and_the_draft_opens_again(draft, people):
    services.submit(draft, user=people["leader"])
    with pytest.raises(Refused, match="退回理由"):
        services.return_report(draft, user=people["supervisor"], reason="")
    report = services.return_report(
        draft, user=people["supervisor"], reason="第五部分过于简略，请补充"
    )
    assert report.status == ReportStatus.RETURNED
    assert report.is_editable
    services.save_sections(
        report, user=people["clerk"], overview="总体情况", problems="具体问题", other="无"
    )
    assert "return" in _transitions(report)


def test_only_the_supervising_agency_accepts(draft, people, agency_b):
    services.submit(draft, user=people["leader"])
    sibling = make_staff(agency_b, "supervisor")
    for user in (sibling, people["leader"], people["clerk"]):
        with pytest.raises(Refused):
            services.accept(draft, user=user)
    draft.refresh_from_db()
    assert draft.status == ReportStatus.SUBMITTED


def test_illegal_moves_are_refused_in_chinese(draft, people):
    with pytest.raises(Refused, match="不能公开"):
        services.publish(draft, user=people["leader"])
    with pytest.raises(Refused, match="权限"):
        services.submit(draft, user=people["clerk"])
    with pytest.raises(Refused, match="已经存在"):
        services.create_draft(draft.agency, YEAR, user=people["clerk"])
    with pytest.raises(Refused, match="非负整数"):
        services.enter_figures(
            draft, user=people["clerk"], licensing="-3", punishment="", coercion="", fees=""
        )
    draft.refresh_from_db()
    assert draft.licensing is None
