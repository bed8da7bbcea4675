"""Keeping an agency's 政府信息公开指南 (Art. 12) current: its prose sections and their dates."""

from datetime import datetime

from django.db import transaction

from gongkai.agencies import access
from gongkai.agencies.models import Agency
from gongkai.core.models import AuditEvent

from .models import AgencyGuide, Art20Item
from .signals import guide_changed


def guide_of(agency: Agency) -> AgencyGuide:
    """The agency's guide prose; an unsaved, empty one until the agency first writes any."""
    return AgencyGuide.objects.filter(agency=agency).first() or AgencyGuide(agency=agency)


@transaction.atomic
def save_guide(*, user, agency: Agency, sections: dict[str, str]) -> AgencyGuide:
    """Replace the agency's guide prose; the save is audited with each changed section."""
    access.require(user, "guide.change", agency)
    guide = AgencyGuide.objects.select_for_update().filter(agency=agency).first() or AgencyGuide(
        agency=agency
    )
    for name in AgencyGuide.SECTIONS:
        setattr(guide, name, sections.get(name, "").strip())
    guide.full_clean()
    guide.save()
    guide_changed.send(sender=AgencyGuide, agency=agency)
    return guide


def guide_context(agency: Agency) -> dict:
    """What the guide's text (`catalog/public/guide_text.html`) is written from: the page's,
    and what search indexes."""
    prose = guide_of(agency)
    return {
        "agency": agency,
        "art20": Art20Item.choices,
        "prose": prose,
        "updated": last_updated(agency, prose),
    }


def last_updated(agency: Agency, guide: AgencyGuide) -> datetime | None:
    """When what the guide says last changed: the agency's own record or its prose."""
    event = (
        AuditEvent.objects.filter(record_type="agencies.agency", record_id=str(agency.pk))
        .only("at")
        .first()
    )
    dates = [d for d in (event.at if event else None, guide.updated_at) if d is not None]
    return max(dates, default=None)
