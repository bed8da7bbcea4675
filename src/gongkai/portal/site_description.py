"""The machine-readable site description (`/site.json`): the site's identity, each agency's
contacts and, from its published 机构概况, its leaders — what a monitor checks a government site
for (《政府网站发展指引》, 国办发〔2017〕47号) without reading pages.

Read only from what the portal already shows, so the page and the description never differ;
built from a fixed number of queries whatever the number of agencies.
"""

from django.conf import settings
from django.urls import reverse

from gongkai.agencies.models import Agency
from gongkai.core.site_identity import identity
from gongkai.profiles.public import current_leaders

FORMAT = "gongkai-site/1"


def _leader(entry, absolute) -> dict:
    photo = reverse("portal:leader_photo", args=[entry.version.agency_id, entry.pk])
    return {
        "name": entry.leader.name,
        "post": entry.post,
        "portfolio": entry.portfolio,
        "took_office": entry.leader.took_office.isoformat(),
        "photo": absolute(photo) if entry.photo else "",
    }


def _agency(agency: Agency, leaders: list, absolute) -> dict:
    return {
        "id": agency.pk,
        "name": agency.name,
        "short_name": agency.short_name,
        "credit_code": agency.credit_code,
        "kind": agency.kind,
        "parent": agency.parent_id,
        "url": absolute(reverse("portal:agency_detail", args=[agency.pk])),
        "contact": {
            "address": agency.address,
            "postcode": agency.postcode,
            "phone": agency.phone,
            "fax": agency.fax,
            "email": agency.email,
            "office_hours": agency.office_hours,
            "website": agency.website,
        },
        "disclosure_office": {
            "name": agency.disclosure_office,
            "phone": agency.disclosure_office_phone,
        },
        "leaders": [_leader(entry, absolute) for entry in leaders],
    }


def describe(absolute) -> dict:
    """The description; `absolute` turns a path into the address the visitor used."""
    agencies = list(Agency.objects.active().order_by("path"))
    leaders = current_leaders(agencies)
    return {
        "format": FORMAT,
        "name": settings.GONGKAI_SITE_NAME,
        "url": absolute(reverse("portal:home")),
        "identity": identity().as_dict(),
        "agencies": [_agency(a, leaders.get(a.pk, []), absolute) for a in agencies],
    }
