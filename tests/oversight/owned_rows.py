"""An agency's oversight rows for the cross-agency isolation walk: an indicator system, a
round, a deduction with its screenshot, a remedy with its file, a 通报."""

from datetime import date

from django.core.files.base import ContentFile
from django.utils import timezone

from gongkai.oversight import standing
from gongkai.oversight.models import (
    AssessmentRound,
    Circular,
    Deduction,
    IndicatorSystem,
    Remedy,
    SystemStatus,
)
from tests.catalog.files import png_bytes


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


def _round(agency, marker: str) -> AssessmentRound:
    """A round of `agency` over itself (made directly: the isolation walk needs only rows)."""
    standing.install_shipped()
    round_ = AssessmentRound.objects.create(
        owner=agency,
        title=marker,
        cadence="quarterly",
        period_start=date(2026, 10, 1),
        period_end=date(2026, 12, 31),
        system=IndicatorSystem.objects.get(code="website-2019", version=1),
    )
    round_.agencies.set([agency])
    return round_


def _deduction(agency, marker: str) -> Deduction:
    deduction = Deduction(
        round=_round(agency, marker),
        agency=agency,
        indicator="D5.2",
        points=1,
        reason=marker,
        observed_at=timezone.now(),
    )
    deduction.screenshot.save("shot.png", ContentFile(png_bytes()), save=False)
    deduction.save()
    remedy = Remedy(deduction=deduction, agency=agency, due_on=date(2026, 12, 16), answer=marker)
    remedy.answer_file.save("answer.png", ContentFile(png_bytes()), save=False)
    remedy.save()
    return deduction


def assessment_round(agency, marker: str) -> AssessmentRound:
    return _round(agency, marker)


def deduction(agency, marker: str) -> Deduction:
    return _deduction(agency, marker)


def remedy(agency, marker: str) -> Remedy:
    return _deduction(agency, marker).remedy


def circular(agency, marker: str) -> Circular:
    return Circular.objects.create(
        round=_round(agency, marker),
        title=f"关于{marker}的通报",
        body=f"各有关单位：\n{marker}",
        signature=agency.name,
        dated=date(2026, 12, 1),
    )


def transition_payload(agency, marker: str) -> dict:
    return {"transition": "close", "text": marker, "note": marker}
