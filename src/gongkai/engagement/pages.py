"""Which agency a portal page belongs to, so an error report from it reaches that agency."""

from urllib.parse import urlsplit

from django.urls import Resolver404, resolve

from gongkai.agencies.models import Agency
from gongkai.catalog.models import InfoItem

# Pages of one agency, named by the agency's id in the URL.
AGENCY_PAGES = frozenset(
    {
        "portal:agency_detail",
        "disclosure:agency",
        "disclosure:guide",
        "disclosure:rules",
        "disclosure:apply",
        "annual_reports:agency",
    }
)
# Pages of one catalog item, named by the item's id.
ITEM_PAGES = frozenset({"disclosure:item", "disclosure:history"})


def agency_of_page(url: str) -> Agency | None:
    """The active agency whose page `url` is, or None for a page of the whole portal."""
    try:
        match = resolve(urlsplit(url).path or "/")
    except Resolver404:
        return None
    pk = match.kwargs.get("pk")
    if not isinstance(pk, int):
        return None
    if match.view_name in AGENCY_PAGES:
        return Agency.objects.active().filter(pk=pk).first()
    if match.view_name in ITEM_PAGES:
        item = InfoItem.objects.filter(pk=pk, agency__is_active=True).select_related("agency")
        found = item.first()
        return found.agency if found else None
    return None
