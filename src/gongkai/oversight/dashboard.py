"""The 主管部门's dashboard: each agency's score across the rounds it organised (a table and a
bar chart per agency, drawn as the annual reports' charts are), its open and overdue remedies,
and what the latest probe run found at each agency, each row leading to the evidence."""

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from gongkai.agencies import access
from gongkai.reports import charts

from . import rounds
from .models import AssessmentRound, ProbeResult, ProbeRun, Remedy, RemedyStatus, RoundStatus
from .probes import PROBES

ROUNDS_SHOWN = 6  # the latest rounds a trend reads; older ones stay on the rounds' list


@dataclass
class AgencyTrend:
    agency: object
    cells: list = field(default_factory=list)  # (round, UnitResult or None), oldest first
    chart: str = ""


@dataclass
class ProbeRow:
    agency: object
    failed: list[tuple[str, int]]  # (probe label, count)


def _whole(shown: Decimal) -> int:
    """A score as the chart's bar label shows it: whole points, half up (the table is exact)."""
    return int(shown.to_integral_value(rounding=ROUND_HALF_UP))


def trends(user) -> tuple[list[AssessmentRound], list[AgencyTrend]]:
    """The latest rounds the user's agencies organised, oldest first, and each agency's
    results in them."""
    shown = list(
        access.scope(AssessmentRound.objects.all(), user, "oversight.manage")
        .select_related("system", "owner")
        .order_by("-period_end", "-pk")[:ROUNDS_SHOWN]
    )[::-1]
    by_agency: dict[int, AgencyTrend] = {}
    results = {r.pk: {row.agency.pk: row for row in rounds.results(r)} for r in shown}
    for round_ in shown:
        for row in results[round_.pk].values():
            by_agency.setdefault(row.agency.pk, AgencyTrend(row.agency))
    for trend in by_agency.values():
        trend.cells = [(r, results[r.pk].get(trend.agency.pk)) for r in shown]
        scored = [(r, row) for r, row in trend.cells if row is not None]
        chart = charts.bar_chart(
            f"{trend.agency.display_name}历次考核得分",
            f"agency-{trend.agency.pk}",
            list(range(len(scored))),
            {"得分": [_whole(row.score.shown()) for _, row in scored]},
            captions=[f"{r.period_end:%Y年%m月}" for r, _ in scored],
        )
        trend.chart = charts.svg(chart)
    ordered = sorted(by_agency.values(), key=lambda t: t.agency.path)
    return shown, ordered


def open_remedies(user, today: date):
    """The remedies of the agencies below the user still open in open rounds, overdue first."""
    rows = (
        access.scope(Remedy.objects.all(), user, "oversight.manage")
        .filter(
            status__in=(RemedyStatus.PENDING, RemedyStatus.ANSWERED),
            deduction__round__status=RoundStatus.OPEN,
        )
        .select_related("agency", "deduction__round")
        .order_by("due_on", "pk")
    )
    return [
        (remedy, remedy.status == RemedyStatus.PENDING and remedy.due_on < today) for remedy in rows
    ]


def latest_probes(user) -> tuple[ProbeRun | None, list[ProbeRow]]:
    """What the latest probe run found at each agency the user supervises."""
    agencies = access.agencies_for(user, "oversight.manage")
    run = ProbeRun.objects.filter(results__agency__in=agencies).order_by("-started_at", "-pk")
    run = run.first()
    if run is None:
        return None, []
    found: dict[int, ProbeRow] = {}
    for result in (
        ProbeResult.objects.filter(run=run, agency__in=agencies)
        .select_related("agency")
        .order_by("agency__path", "probe")
    ):
        row = found.setdefault(result.agency_id, ProbeRow(result.agency, []))
        if result.count:
            probe = PROBES.get(result.probe)
            row.failed.append((probe.label if probe else result.probe, result.count))
    return run, list(found.values())
