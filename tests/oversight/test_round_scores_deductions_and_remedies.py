"""A round fills in the probes' latest findings, adds each inspector's deduction with its
evidence, asks the agency for a 整改 due as the system says, and scores what is left
unremedied by the system's rule (the indicator scoring 0); rank follows the scores."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from gongkai.lib.errors import Refused
from gongkai.oversight import rounds, services
from gongkai.oversight.models import (
    AssessmentRound,
    ProbeRun,
    Remedy,
    RemedyStatus,
    RoundStatus,
)
from gongkai.oversight.standing import record_run
from tests.conftest import make_staff
from tests.oversight.round_makers import (
    deduct,
    open_quarter,
    screenshot,
    shipped,
    supervisor_of,
)

pytestmark = pytest.mark.django_db


def _total(round_, agency) -> Decimal:
    row = next(r for r in rounds.results(round_) if r.agency == agency)
    return row.score.shown()


def test_the_round_takes_the_latest_probe_run_covering_its_agencies(county, agency_a, agency_b):
    boss = supervisor_of(county)
    older, _ = record_run([agency_a, agency_b], timezone.localdate(), started_by="测试")
    latest, _ = record_run([agency_a, agency_b], timezone.localdate(), started_by="测试")
    record_run([agency_a], timezone.localdate(), started_by="测试")  # does not cover B
    round_ = open_quarter(county, [agency_a, agency_b], boss)
    assert round_.probe_run == latest != older


def test_without_a_run_covering_them_the_round_runs_the_probes(county, agency_a):
    round_ = open_quarter(county, [agency_a], supervisor_of(county))
    assert round_.probe_run is not None
    assert ProbeRun.objects.count() == 1
    assert set(round_.probe_run.results.values_list("agency", flat=True)) == {agency_a.pk}


def test_only_agencies_below_the_organiser_and_its_active_systems(county, agency_a):
    boss = supervisor_of(county)
    with pytest.raises(Refused, match="不是测试县人民政府的下级机关"):
        open_quarter(county, [county], boss)
    draft = services.copy_system(shipped(), owner=county, user=boss)  # not switched on
    for changes, refused in (
        ({"system": draft}, "已启用"),
        ({"cadence": "monthly"}, "季度、半年或年度"),
        ({"period_end": date(2026, 9, 30)}, "考核期止"),
    ):
        fields = {
            "owner": county,
            "title": "考核",
            "cadence": "quarterly",
            "period_start": date(2026, 10, 1),
            "period_end": date(2026, 12, 31),
            "system": shipped(),
            "agencies": [agency_a],
            "user": boss,
        }
        with pytest.raises(Refused, match=refused):
            rounds.open_round(**(fields | changes))
    assert not AssessmentRound.objects.exists()


def test_a_deduction_keeps_its_evidence_and_asks_for_a_remedy(county, agency_a):
    boss = supervisor_of(county)
    round_ = open_quarter(county, [agency_a], boss)
    before = _total(round_, agency_a)
    made = deduct(round_, agency_a, boss, screenshot=screenshot())
    assert made.screenshot.name.endswith(".png")
    assert made.evidence_url and made.reason and made.inspector == boss
    remedy = made.remedy
    assert remedy.status == RemedyStatus.PENDING
    assert remedy.due_on == timezone.localdate() + timedelta(days=15)  # the system's rule
    assert _total(round_, agency_a) == before - 3


def test_points_must_fit_the_indicator(county, agency_a):
    boss = supervisor_of(county)
    round_ = open_quarter(county, [agency_a], boss)
    with pytest.raises(Refused, match="最多6分") as refused:
        deduct(round_, agency_a, boss, points="7")
    assert refused.value.field == "points"
    with pytest.raises(Refused, match="人工评分的末级指标"):
        deduct(round_, agency_a, boss, indicator="D1.2")  # measured by a probe
    with pytest.raises(Refused, match="证据"):
        deduct(round_, agency_a, boss, evidence_url="")
    assert not round_.deductions.exists()


def test_accepted_remedy_keeps_the_deduction_an_inadequate_one_zeroes_the_indicator(
    county, agency_a, agency_b
):
    boss = supervisor_of(county)
    clerk_a, clerk_b = make_staff(agency_a, "clerk"), make_staff(agency_b, "clerk")
    round_ = open_quarter(county, [agency_a, agency_b], boss)
    base_a, base_b = _total(round_, agency_a), _total(round_, agency_b)
    good = deduct(round_, agency_a, boss).remedy
    bad = deduct(round_, agency_b, boss).remedy
    rounds.answer(good, text="已在原文页面标注“已废止”。", file=None, user=clerk_a)
    rounds.answer(bad, text="正在整改。", file=None, user=clerk_b)
    rounds.accept(good, note="", user=boss)
    rounds.reject(bad, note="原文页面仍未标注。", user=boss)
    assert _total(round_, agency_a) == base_a - 3
    assert _total(round_, agency_b) == base_b - 6  # D1.5 loses all its 6 points
    ranks = {row.agency: row.rank for row in rounds.results(round_)}
    if base_a == base_b:
        assert ranks[agency_a] < ranks[agency_b]


def test_a_late_answer_or_none_past_the_due_date_counts_as_unremedied(county, agency_a):
    boss = supervisor_of(county)
    clerk = make_staff(agency_a, "clerk")
    round_ = open_quarter(county, [agency_a], boss)
    base = _total(round_, agency_a)
    remedy = deduct(round_, agency_a, boss).remedy
    Remedy.objects.filter(pk=remedy.pk).update(due_on=timezone.localdate() - timedelta(days=1))
    assert _total(round_, agency_a) == base - 6  # unanswered past its due date
    rounds.answer(Remedy.objects.get(pk=remedy.pk), text="已整改。", file=None, user=clerk)
    rounds.accept(Remedy.objects.get(pk=remedy.pk), note="", user=boss)
    assert _total(round_, agency_a) == base - 6  # answered, but late


def test_closing_waits_for_re_checks_and_for_remedies_not_yet_due(county, agency_a):
    boss = supervisor_of(county)
    clerk = make_staff(agency_a, "clerk")
    round_ = open_quarter(county, [agency_a], boss)
    remedy = deduct(round_, agency_a, boss).remedy
    with pytest.raises(Refused, match="整改任务未到期"):
        rounds.close(round_, user=boss)
    rounds.answer(remedy, text="已整改。", file=None, user=clerk)
    with pytest.raises(Refused, match="待复核"):
        rounds.close(round_, user=boss)
    rounds.accept(Remedy.objects.get(pk=remedy.pk), note="", user=boss)
    closed = rounds.close(round_, user=boss)
    assert closed.status == RoundStatus.CLOSED
    with pytest.raises(Refused, match="已结束"):
        deduct(closed, agency_a, boss)
