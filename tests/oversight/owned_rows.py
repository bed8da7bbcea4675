"""An indicator system owned by an agency, for the cross-agency isolation walk."""

from gongkai.oversight import standing
from gongkai.oversight.models import IndicatorSystem, SystemStatus


def system(agency, marker: str) -> IndicatorSystem:
    data = standing.shipped_definitions()[0] | {"name": marker, "code": f"x-{agency.pk}"}
    return IndicatorSystem.objects.create(
        code=data["code"],
        name=marker,
        kind=data["kind"],
        year=data["year"],
        owner=agency,
        status=SystemStatus.DRAFT,
        definition=data,
    )


def system_payload(agency, marker: str) -> dict:
    return {"do": "activate", "owner": agency.pk, "name": marker, "pass_mark": "1"}
