"""Where agencies stand: the active indicator systems for each, the probes they need run over
all of them at once, the findings those give and the scores (`scoring.score`); and the probe
runs kept for the record (`gongkai oversight probe`)."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from gongkai.agencies.models import Agency, AgencyKind

from . import systems
from .models import IndicatorSystem, ProbeResult, ProbeRun, SystemStatus, UnitProfile
from .probes import PROBES, Outcome, Scope, run_probes
from .scoring import Finding, Profile, Score, score


def shipped_definitions() -> list[dict]:
    """The systems shipped as data files (`oversight/data/*.yaml`), checked against the
    probes this version has."""
    return [
        systems.to_dict(systems.load(path.read_text(encoding="utf-8"), PROBES))
        for path in systems.shipped_files()
    ]


def install_shipped(model=IndicatorSystem) -> int:
    """Store the shipped systems not stored yet (version 1, active, no owner); how many.
    Called by the migration, by `gongkai oversight systems --install` and by tests."""
    made = 0
    for data in shipped_definitions():
        _, created = model.objects.get_or_create(
            code=data["code"],
            version=1,
            defaults={
                "name": data["name"],
                "kind": data["kind"],
                "year": data["year"],
                "status": SystemStatus.ACTIVE,
                "was_active": True,
                "definition": data,
            },
        )
        made += created
    return made


def _path_ids(agency: Agency) -> list[int]:
    return [int(part) for part in agency.path.strip("/").split("/") if part]


def active_systems(agencies: Iterable[Agency]) -> dict[int, list[IndicatorSystem]]:
    """For each agency, the active system of each kind that applies to it: the one switched on
    by the nearest agency above it (or itself), else the shipped one (latest year first)."""
    agencies = list(agencies)
    owners = {pk for agency in agencies for pk in _path_ids(agency)}
    candidates = list(
        IndicatorSystem.objects.filter(status=SystemStatus.ACTIVE)
        .filter(Q(owner__isnull=True) | Q(owner__in=owners))
        .order_by("kind", "-year", "-version", "pk")
    )
    out = {}
    for agency in agencies:
        depth = {pk: n for n, pk in enumerate(_path_ids(agency))}
        chosen: dict[str, IndicatorSystem] = {}
        rank: dict[str, int] = {}
        for record in candidates:
            if record.owner_id is None:
                level = -1
            elif record.owner_id in depth:
                level = depth[record.owner_id]
            else:
                continue
            if record.kind not in chosen or level > rank[record.kind]:
                chosen[record.kind], rank[record.kind] = record, level
        out[agency.pk] = [chosen[kind] for kind in sorted(chosen)]
    return out


def profiles(agencies: Iterable[Agency]) -> dict[int, Profile]:
    agencies = list(agencies)
    stored = {
        p.agency_id: p for p in UnitProfile.objects.filter(agency__in=[a.pk for a in agencies])
    }
    out = {}
    for agency in agencies:
        if agency.pk in stored:
            row = stored[agency.pk]
            out[agency.pk] = Profile(has_services=row.has_services, is_portal=row.is_portal)
        else:
            out[agency.pk] = Profile(is_portal=agency.kind == AgencyKind.GOVERNMENT)
    return out


def findings_from(system: systems.System, outcomes: dict[str, Outcome]) -> list[Finding]:
    """Each probe-measured leaf with what its probe found at the agency."""
    found = []
    for _, leaf in system.leaves():
        outcome = outcomes.get(leaf.probe) if leaf.probe else None
        if outcome is not None and outcome.failed:
            found.append(
                Finding(
                    leaf.code,
                    count=outcome.count,
                    reason=outcome.summary,
                    evidence=tuple(outcome.evidence),
                )
            )
    return found


@dataclass
class Standing:
    agency: Agency
    record: IndicatorSystem
    system: systems.System
    score: Score
    outcomes: dict[str, Outcome]

    @property
    def full_points(self):
        return self.system.part("deduct").points

    @property
    def manual_leaves(self):
        return [leaf for _, leaf in self.system.leaves() if leaf.manual]

    def rows(self) -> list[dict]:
        """Every leaf the probes measure, with what was found, for the self-check page."""
        out = []
        for part, leaf in self.system.leaves():
            result = self.score.items[leaf.code]
            outcome = self.outcomes.get(leaf.probe) if leaf.probe else None
            out.append(
                {
                    "part": part,
                    "leaf": leaf,
                    "result": result,
                    "outcome": outcome,
                    "probe": PROBES.get(leaf.probe),
                    "lost": self.score.shown(result.points),
                }
            )
        return out


def evaluate(agencies: Iterable[Agency], today: date) -> dict[int, list[Standing]]:
    """Each agency's standing against each system active for it, from one run of the probes
    those systems need over all the agencies together."""
    agencies = list(agencies)
    if not agencies:
        return {}
    chosen = active_systems(agencies)
    parsed = {record.pk: record.system() for records in chosen.values() for record in records}
    names = sorted({name for system in parsed.values() for name in system.probes})
    outcomes = run_probes(names, Scope(tuple(a.pk for a in agencies), today))
    units = profiles(agencies)
    out = {}
    for agency in agencies:
        mine = {name: by_agency[agency.pk] for name, by_agency in outcomes.items()}
        out[agency.pk] = [
            Standing(
                agency=agency,
                record=record,
                system=parsed[record.pk],
                score=score(
                    parsed[record.pk], findings_from(parsed[record.pk], mine), units[agency.pk]
                ),
                outcomes=mine,
            )
            for record in chosen[agency.pk]
        ]
    return out


def record_run(
    agencies: Iterable[Agency],
    today: date,
    *,
    started_by: str,
    scheduled: bool = False,
    names: Iterable[str] | None = None,
) -> tuple[ProbeRun, dict[str, dict[int, Outcome]]]:
    """Run the probes (all by default) over the agencies and keep every result."""
    ids = (
        tuple(agencies.values_list("pk", flat=True))
        if hasattr(agencies, "values_list")
        else (tuple(a.pk for a in agencies))
    )
    names = sorted(names or PROBES)
    started = timezone.now()
    outcomes = run_probes(names, Scope(ids, today))
    with transaction.atomic():
        run = ProbeRun.objects.create(
            started_at=started,
            finished_at=timezone.now(),
            today=today,
            scheduled=scheduled,
            started_by=started_by,
            agency_count=len(ids),
            probes=names,
        )
        ProbeResult.objects.bulk_create(
            [
                ProbeResult(
                    run=run,
                    agency_id=pk,
                    probe=name,
                    count=outcome.count,
                    summary=outcome.summary[:300],
                    evidence=outcome.evidence,
                )
                for name, by_agency in outcomes.items()
                for pk, outcome in by_agency.items()
            ],
            batch_size=1000,
        )
    return run, outcomes
