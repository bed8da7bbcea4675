"""Profile versions and their leaders owned by an agency, for the cross-agency isolation walk."""

from datetime import date

from gongkai.profiles.models import LeaderEntry, ProfileVersion
from tests.profiles.makers import add_leader, draft, editors


def version(agency, marker: str) -> ProfileVersion:
    version = draft(agency, editors(agency), duties=f"{marker}的机构职能")
    add_leader(version, editors(agency), marker[:10], "局长", date(2024, 1, 1))
    return version


def leader(agency, marker: str) -> LeaderEntry:
    return ProfileVersion.objects.open().get(agency=agency).leaders.get()


def payload(agency, marker: str) -> dict:
    return {"agency": agency.pk, "transition": "submit", "duties": marker}
