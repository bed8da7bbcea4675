"""The kiosk (触摸屏查询): the portal for a touch screen in a reading room or a service hall,
1080 × 1920 portrait. It shows what the portal shows — the disclosure column by agency, search,
each agency's guide and how to apply — in large type with large targets, never links out of
`/kiosk/`, has no login, and goes back to its start page when nobody has touched it for
`GONGKAI_KIOSK_IDLE_SECONDS` (the next visitor must not find the last one's search).

An address the visitor may want to keep (an item on the site, the application form) is shown
as a QR code to read with a phone, never as a link the kiosk would follow.
"""

from dataclasses import replace

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from gongkai.agencies.models import Agency
from gongkai.applications import clock
from gongkai.catalog import guides
from gongkai.catalog.models import InfoItem
from gongkai.catalog.public import qr_code
from gongkai.notices.contents import absolute
from gongkai.search import services as search_services
from gongkai.search.documents import Kind
from gongkai.search.forms import SearchForm
from gongkai.web import params

PAGE_SIZE = 8


def _agencies():
    return Agency.objects.active().only("id", "name", "path", "parent").order_by("path")


def _published():
    return InfoItem.objects.public().select_related("agency", "published_version")


def home(request):
    return render(request, "kiosk/home.html")


def agencies(request):
    return render(request, "kiosk/agencies.html", {"agencies": _agencies()})


def browse(request):
    """One agency's published items, newest first, a few to a screen."""
    agency_id = params.object_id(request.GET, "agency")
    if agency_id is None:
        raise Http404
    agency = get_object_or_404(_agencies(), pk=agency_id)
    items = _published().filter(agency=agency).order_by("-first_published_at", "-pk")
    page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "kiosk/browse.html",
        {
            "agency": agency,
            "page_obj": page,
            "pager_base": f"{reverse('kiosk:browse')}?agency={agency.pk}&",
        },
    )


def item(request, pk: int):
    found = get_object_or_404(_published(), pk=pk)
    version = found.published_version
    return render(
        request,
        "kiosk/item.html",
        {
            "item": found,
            "version": version,
            "attachments": version.attachments.only("title"),
            "qr": qr_code(absolute(reverse("disclosure:item", args=[pk]))),
        },
    )


def search(request):
    """Search of the published items; a result opens the item's kiosk page."""
    form = SearchForm({k: v for k, v in request.GET.items() if k in ("q", "page")})
    asked, notices = form.search_request()
    page = None
    if asked.q:
        asked = replace(asked, kind=Kind.ITEM, page_size=PAGE_SIZE)
        page = search_services.search(asked, None, with_facets=False)
    return render(
        request,
        "kiosk/search.html",
        {
            "form": form,
            "q": asked.q,
            "page": page,
            "notices": notices + (page.notices if page else []),
            "results": [(r, _item_pk(r.hit.key)) for r in page.results] if page else [],
        },
        status=503 if page and page.unavailable else 200,
    )


def _item_pk(key: str) -> int:
    """The item a search hit is ("item:<pk>", catalog/search_feed.py)."""
    return int(key.removeprefix("item:"))


def guides_index(request):
    return render(request, "kiosk/guides.html", {"agencies": _agencies()})


def guide(request, pk: int):
    agency = get_object_or_404(Agency.objects.active().prefetch_related("reading_rooms"), pk=pk)
    context = guides.guide_context(agency)
    context["browse_url"] = reverse("kiosk:browse")
    return render(request, "kiosk/guide.html", context)


def apply(request, pk: int):
    """How to apply (Art. 27–33): the channels, what an application states, the time limit;
    the form itself is on the site, reached by the QR code."""
    agency = get_object_or_404(Agency.objects.active(), pk=pk)
    form_url = absolute(reverse("apply:form") + f"?agency={agency.pk}")
    return render(
        request,
        "kiosk/apply.html",
        {
            "agency": agency,
            "qr": qr_code(form_url),
            "reply_workdays": clock.REPLY_WORKDAYS,
            "extension_workdays": clock.MAX_EXTENSION_WORKDAYS,
        },
    )
