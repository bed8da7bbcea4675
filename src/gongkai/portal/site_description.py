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

FORMAT = "gongkai-site/1"


def _agency(agency: Agency, absolute) -> dict:
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
    }


def describe(absolute) -> dict:
    """The description; `absolute` turns a path into the address the visitor used."""
    agencies = Agency.objects.active().order_by("path")
    return {
        "format": FORMAT,
        "name": settings.GONGKAI_SITE_NAME,
        "url": absolute(reverse("portal:home")),
        "identity": identity().as_dict(),
        "agencies": [_agency(agency, absolute) for agency in agencies],
    }
