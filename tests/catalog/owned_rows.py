"""Catalog and review rows owned by a given agency, for the cross-agency isolation test."""

from gongkai.catalog import services
from gongkai.catalog.models import AgencyGuide, Attachment, InfoItem, ItemVersion
from gongkai.review import services as review
from gongkai.review.models import Review
from tests.catalog.files import png_bytes
from tests.catalog.makers import item_data
from tests.conftest import make_staff


def item(agency, marker: str) -> InfoItem:
    clerk = make_staff(agency, "clerk")
    return services.create_item(user=clerk, agency=agency, data=item_data(title=marker)).item


def version(agency, marker: str) -> ItemVersion:
    return item(agency, marker).current_version


def attachment(agency, marker: str) -> Attachment:
    owner = item(agency, marker)
    clerk = make_staff(agency, "clerk")
    return services.add_attachment(user=clerk, item=owner, name=f"{marker}.png", data=png_bytes())


def submitted_review(agency, marker: str) -> Review:
    owner = item(agency, marker)
    return review.submit(user=make_staff(agency, "clerk"), item=owner)


def item_payload(agency, marker: str) -> dict:
    return {
        "agency": agency.pk,
        "title": marker,
        "formed_on": "2026-11-02",
        "body": marker,
        "transition": "submit",
    }


def guide(agency, marker: str) -> AgencyGuide:
    return AgencyGuide.objects.create(agency=agency, organisation=marker, fees=marker)


def guide_payload(agency, marker: str) -> dict:
    return {name: marker for name in AgencyGuide.SECTIONS}
