"""Assessment rounds (考核轮次): opened by a 主管部门 over agencies below it and one active
indicator system; the probes' latest findings fill in, inspectors add deductions with evidence,
each deduction asks the agency for a 整改 which the 主管部门 re-checks; the round's scores,
vetoes and ranking come from `scoring` over all of it."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from gongkai.agencies import access
from gongkai.agencies.models import Agency
from gongkai.catalog.attachments import AttachmentError, prepare, storage_name
from gongkai.core.audit import record_transition
from gongkai.lib.errors import Refused

from . import systems
from .models import (
    AssessmentRound,
    Deduction,
    IndicatorSystem,
    ProbeResult,
    ProbeRun,
    Remedy,
    RemedyStatus,
    RoundCadence,
    RoundStatus,
    SystemStatus,
)
from .probes import Outcome
from .rules import REMEDY_RULES, ROUND_RULES
from .scoring import Finding, Score, rank, score
from .standing import findings_from, profiles, record_run

SCREENSHOT_KINDS = frozenset({"png", "jpeg"})


def _name(user) -> str:
    return (
        getattr(user, "get_full_name", lambda: "")() or getattr(user, "username", "") or str(user)
    )


def _user(user):
    return user if getattr(user, "pk", None) else None


def usable_systems(owner: Agency):
    """The active systems a round of `owner` may use: shipped, or switched on by it or above."""
    above = [int(pk) for pk in owner.path.strip("/").split("/") if pk]
    return IndicatorSystem.objects.filter(status=SystemStatus.ACTIVE).filter(
        Q(owner__isnull=True) | Q(owner__in=above)
    )


def latest_run_covering(agency_ids: set[int]) -> ProbeRun | None:
    """The latest probe run holding results for every one of the agencies."""
    return (
        ProbeRun.objects.filter(results__agency__in=agency_ids, finished_at__isnull=False)
        .annotate(covered=Count("results__agency", distinct=True))
        .filter(covered=len(agency_ids))
        .order_by("-started_at", "-pk")
        .first()
    )


@transaction.atomic
def open_round(
    *,
    owner: Agency,
    title: str,
    cadence: str,
    period_start: date,
    period_end: date,
    system: IndicatorSystem,
    agencies,
    user,
) -> AssessmentRound:
    """A round of `owner` over `agencies` (each below it) under `system`, its automatic
    results from the latest probe run covering them all (a new run when none does)."""
    access.require(user, "oversight.manage", owner)
    agencies = list(agencies)
    if not agencies:
        raise Refused("请选择考核对象", "agencies")
    for agency in agencies:
        if agency.pk == owner.pk or not agency.path.startswith(owner.path):
            raise Refused(f"{agency.name}不是{owner.name}的下级机关", "agencies")
    if cadence not in RoundCadence.values:
        raise Refused("周期应为季度、半年或年度", "cadence")
    if period_end < period_start:
        raise Refused("考核期止不能早于考核期起", "period_end")
    if not usable_systems(owner).filter(pk=system.pk).exists():
        raise Refused("只能使用已启用、适用于本机关的指标体系", "system")
    ids = {agency.pk for agency in agencies}
    run = latest_run_covering(ids)
    if run is None:
        run, _ = record_run(
            Agency.objects.filter(pk__in=ids), timezone.localdate(), started_by=_name(user)
        )
    round_ = AssessmentRound.objects.create(
        owner=owner,
        title=title.strip(),
        cadence=cadence,
        period_start=period_start,
        period_end=period_end,
        system=system,
        probe_run=run,
        opened_by=_user(user),
    )
    round_.agencies.set(agencies)
    record_transition(round_, "open", system=str(system), agencies=sorted(ids), probe_run=run.pk)
    return round_


def _locked(round_: AssessmentRound) -> AssessmentRound:
    return AssessmentRound.objects.select_for_update().get(pk=round_.pk)


def _screenshot(upload) -> tuple[str, bytes]:
    data = upload.read()
    try:
        prepared = prepare(data)
    except AttachmentError as refused:
        raise Refused(str(refused), "screenshot") from refused
    if prepared.kind not in SCREENSHOT_KINDS:
        raise Refused("截图只能是 PNG 或 JPEG 图片", "screenshot")
    return storage_name(data, prepared.kind), prepared.data


@transaction.atomic
def add_deduction(
    round_: AssessmentRound,
    *,
    agency: Agency,
    indicator: str,
    points: Decimal | None,
    reason: str,
    evidence_url: str,
    screenshot,
    observed_at,
    user,
) -> Deduction:
    """An inspector's score against a manual leaf, with its evidence; on a deduction or veto
    leaf it asks the agency for a 整改, due as the system's remedy rule says."""
    round_ = _locked(round_)
    ROUND_RULES.require("deduct", round_)
    system = round_.system.system()
    if not round_.agencies.filter(pk=agency.pk).exists():
        raise Refused(f"{agency.name}不是本轮考核对象", "agency")
    part, leaf = next(((p, i) for p, i in system.leaves() if i.code == indicator), (None, None))
    if leaf is None or not leaf.manual:
        raise Refused("请选择本指标体系中人工评分的末级指标", "indicator")
    if part.code == "veto":
        points = None
    else:
        if points is None or points <= 0:
            raise Refused("请填写分值（大于0）", "points")
        most = leaf.most
        if most is not None and Fraction(str(points)) > most:
            raise Refused(f"该指标最多{systems.number(most)}分", "points")
    if not evidence_url and not screenshot:
        raise Refused("请提供证据：网址或截图", "evidence_url")
    if observed_at > timezone.now():
        raise Refused("发现时间不能晚于现在", "observed_at")
    deduction = Deduction(
        round=round_,
        agency=agency,
        indicator=leaf.code,
        points=points,
        reason=reason.strip(),
        evidence_url=evidence_url,
        observed_at=observed_at,
        inspector=_user(user),
    )
    if screenshot:
        name, data = _screenshot(screenshot)
        deduction.screenshot.save(name, ContentFile(data), save=False)
    deduction.save()
    if part.code != "bonus":
        Remedy.objects.create(
            deduction=deduction,
            agency=agency,
            due_on=timezone.localdate() + timedelta(days=system.remedies.due_days),
        )
    record_transition(
        round_,
        "deduct",
        agency=agency.name,
        indicator=leaf.code,
        points=str(points) if points is not None else None,
        reason=deduction.reason,
    )
    return deduction


@transaction.atomic
def close(round_: AssessmentRound, *, user) -> AssessmentRound:
    round_ = _locked(round_)
    ROUND_RULES.require("close", round_)
    round_.status = RoundStatus.CLOSED
    round_.closed_at = timezone.now()
    round_.save(update_fields=["status", "closed_at"])
    record_transition(round_, "close")
    return round_


# 整改 ---------------------------------------------------------------------------------------


def _locked_remedy(remedy: Remedy) -> Remedy:
    return Remedy.objects.select_for_update().select_related("deduction__round").get(pk=remedy.pk)


@transaction.atomic
def answer(remedy: Remedy, *, text: str, file, user) -> Remedy:
    """The agency's account of what it put right, with an optional file."""
    remedy = _locked_remedy(remedy)
    REMEDY_RULES.require("answer", remedy)
    remedy.answer = text.strip()
    if file:
        data = file.read()
        try:
            prepared = prepare(data)
        except AttachmentError as refused:
            raise Refused(str(refused), "file") from refused
        remedy.answer_file.save(
            storage_name(data, prepared.kind), ContentFile(prepared.data), save=False
        )
    remedy.status = RemedyStatus.ANSWERED
    remedy.answered_at = timezone.now()
    remedy.answered_by = _user(user)
    remedy.save()
    record_transition(remedy, "answer", late=remedy.answered_at.date() > remedy.due_on)
    return remedy


@transaction.atomic
def _recheck(remedy: Remedy, name: str, status: str, note: str, user) -> Remedy:
    remedy = _locked_remedy(remedy)
    # The right to re-check lies with the round's organiser, not with a 主管部门 below it.
    access.require(user, "oversight.manage", remedy.deduction.round.owner)
    REMEDY_RULES.require(name, remedy)
    remedy.status = status
    remedy.check_note = note.strip()
    remedy.checked_at = timezone.now()
    remedy.checked_by = _user(user)
    remedy.save()
    record_transition(remedy, name, note=remedy.check_note)
    return remedy


def accept(remedy: Remedy, *, note: str, user) -> Remedy:
    return _recheck(remedy, "accept", RemedyStatus.ACCEPTED, note, user)


def reject(remedy: Remedy, *, note: str, user) -> Remedy:
    return _recheck(remedy, "reject", RemedyStatus.REJECTED, note, user)


def unremedied(remedy: Remedy, today: date) -> bool:
    """Late or inadequate: not accepted on re-check, answered after its due date, or still
    unanswered past it."""
    if remedy.status == RemedyStatus.REJECTED:
        return True
    if remedy.answered_at is not None:
        return timezone.localtime(remedy.answered_at).date() > remedy.due_on
    return today > remedy.due_on


# Results ------------------------------------------------------------------------------------


@dataclass
class UnitResult:
    agency: Agency
    score: Score
    rank: int
    deductions: list[Deduction]


def _outcomes(run: ProbeRun | None, agency_ids) -> dict[int, dict[str, Outcome]]:
    out: dict[int, dict[str, Outcome]] = {pk: {} for pk in agency_ids}
    if run is None:
        return out
    for row in ProbeResult.objects.filter(run=run, agency__in=agency_ids):
        out[row.agency_id][row.probe] = Outcome(row.count, row.evidence, row.summary)
    return out


def _manual_finding(deduction: Deduction, today: date) -> Finding:
    remedy = getattr(deduction, "remedy", None)
    evidence = (
        [{"label": "证据网址", "detail": deduction.evidence_url, "url": deduction.evidence_url}]
        if deduction.evidence_url
        else []
    )
    return Finding(
        deduction.indicator,
        points=Fraction(str(deduction.points)) if deduction.points is not None else None,
        reason=deduction.reason,
        evidence=tuple(evidence),
        source="manual",
        unremedied=remedy is not None and unremedied(remedy, today),
    )


def results(round_: AssessmentRound, today: date | None = None) -> list[UnitResult]:
    """Every agency of the round with its score and rank, best first. A closed round is read
    as of the day it closed."""
    if today is None:
        closed = round_.closed_at
        today = timezone.localtime(closed).date() if closed else timezone.localdate()
    system = round_.system.system()
    agencies = list(round_.agencies.order_by("path"))
    ids = [a.pk for a in agencies]
    outcomes = _outcomes(round_.probe_run, ids)
    units = profiles(agencies)
    deductions: dict[int, list[Deduction]] = {pk: [] for pk in ids}
    for deduction in round_.deductions.select_related("remedy", "agency").order_by("pk"):
        deductions[deduction.agency_id].append(deduction)
    scores = {
        a.pk: score(
            system,
            findings_from(system, outcomes[a.pk])
            + [_manual_finding(d, today) for d in deductions[a.pk]],
            units[a.pk],
        )
        for a in agencies
    }
    ranks = rank(scores)
    rows = [UnitResult(a, scores[a.pk], ranks[a.pk], deductions[a.pk]) for a in agencies]
    return sorted(rows, key=lambda r: (r.rank, r.agency.path))
