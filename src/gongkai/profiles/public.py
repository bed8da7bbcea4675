"""What the portal shows of an agency's 机构概况: its published version with units and current
leaders, its former leaders and the dated history — in a fixed number of queries."""

from dataclasses import dataclass, field

from gongkai.agencies.models import Agency

from .history import Change, Listed, changes
from .models import SHOWN_STATUSES, Leader, LeaderEntry, ProfileStatus, ProfileVersion


@dataclass
class PublicProfile:
    version: ProfileVersion | None
    units: list = field(default_factory=list)
    leaders: list[LeaderEntry] = field(default_factory=list)
    former: list[Leader] = field(default_factory=list)
    history: list[Change] = field(default_factory=list)


def public_profile(agency: Agency) -> PublicProfile:
    version = ProfileVersion.objects.published().filter(agency=agency).first()
    if version is None:
        return PublicProfile(None)
    shown = list(
        LeaderEntry.objects.filter(version__agency=agency, version__status__in=SHOWN_STATUSES)
        .select_related("leader", "version")
        .order_by("version__number", "sort_order", "id")
    )
    current = [e for e in shown if e.version_id == version.pk and e.left_on is None]
    former = {e.leader_id: e.leader for e in shown if e.leader.left_office is not None}
    return PublicProfile(
        version=version,
        units=list(version.units.all()),
        leaders=current,
        former=sorted(former.values(), key=lambda leader: leader.left_office, reverse=True),
        history=changes(_by_version(shown)),
    )


def _by_version(entries: list[LeaderEntry]):
    versions: dict[int, tuple] = {}
    for entry in entries:
        listed = Listed(
            entry.leader_id,
            entry.leader.name,
            entry.post,
            entry.portfolio,
            entry.leader.took_office,
            entry.left_on,
        )
        versions.setdefault(entry.version_id, (entry.version.effective_on, []))[1].append(listed)
    return list(versions.values())


def current_leaders(agencies) -> dict[int, list[LeaderEntry]]:
    """The current leaders of each agency's published profile, in one query (for /site.json)."""
    found: dict[int, list[LeaderEntry]] = {}
    entries = LeaderEntry.objects.filter(
        version__agency__in=agencies, version__status=ProfileStatus.PUBLISHED, left_on__isnull=True
    ).select_related("leader", "version")
    for entry in entries.order_by("sort_order", "id"):
        found.setdefault(entry.version.agency_id, []).append(entry)
    return found
