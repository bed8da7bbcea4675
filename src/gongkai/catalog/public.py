"""The public 政府信息公开 column (ogi-spec §6.3): guide, rules, statutory proactive content by
topic / genre / agency / year, item pages, attachments, Atom feeds and the sitemap.

Every query here starts from `InfoItem.objects.public()`: only a reviewed, published version is
ever shown, and only its own attachments.
"""

import functools
from datetime import datetime
from urllib.parse import urljoin

import segno
from django.contrib.sitemaps import Sitemap
from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from gongkai.agencies.models import Agency
from gongkai.web import params

from . import guides
from .attachments import CONTENT_TYPES
from .models import Attachment, Genre, InfoItem, Topic
from .serving import file_response

PAGE_SIZE = 20
RULES_TOPIC = ("综合政务", "政务公开")


def _published():
    return InfoItem.objects.public().select_related(
        "agency", "published_version", "published_version__topic__parent"
    )


def _agencies():
    return Agency.objects.active()


def index(request):
    """The column for the whole government: its sub-columns and the newest items."""
    return render(
        request,
        "catalog/public/index.html",
        {
            "latest": _published().order_by("-published_at")[:10],
            "agencies": _agencies().only("id", "name", "short_name", "path", "parent"),
        },
    )


def agency_column(request, pk: int):
    agency = get_object_or_404(_agencies(), pk=pk)
    return render(
        request,
        "catalog/public/agency.html",
        {
            "agency": agency,
            "latest": _published().filter(agency=agency).order_by("-published_at")[:10],
        },
    )


def guide(request, pk: int):
    """政府信息公开指南 (Art. 12): written out of the agency's own records, with its prose."""
    agency = get_object_or_404(_agencies().prefetch_related("reading_rooms"), pk=pk)
    return render(request, "catalog/public/guide.html", guides.guide_context(agency))


def rules(request, pk: int):
    """政府信息公开制度: the agency's published documents under 综合政务\\政务公开."""
    agency = get_object_or_404(_agencies(), pk=pk)
    items = _published().filter(
        agency=agency,
        published_version__topic__parent__name=RULES_TOPIC[0],
        published_version__topic__name=RULES_TOPIC[1],
    )
    return render(
        request,
        "catalog/public/rules.html",
        {"agency": agency, "items": items.order_by("-published_at")[:100]},
    )


def apply(request, pk: int):
    """依申请公开: where and how to apply to this agency (Art. 27–29)."""
    agency = get_object_or_404(_agencies().prefetch_related("reading_rooms"), pk=pk)
    return render(request, "catalog/public/apply.html", {"agency": agency})


def browse(request):
    """法定主动公开内容: newest first, narrowed by agency, topic, genre and year."""
    on_item: dict = {}  # conditions on the item table
    on_version: dict = {}  # conditions that need the published version
    agency = topic = genre = None
    year = params.integer(request.GET.get("year"), minimum=1950, maximum=2199)
    if agency_id := params.object_id(request.GET, "agency"):
        agency = get_object_or_404(_agencies(), pk=agency_id)
        on_item["agency"] = agency
    if topic_id := params.object_id(request.GET, "topic"):
        topic = get_object_or_404(Topic, pk=topic_id)
        ids = [topic.pk, *topic.children.values_list("pk", flat=True)]
        on_version["published_version__topic__in"] = ids
    if genre_id := params.object_id(request.GET, "genre"):
        genre = get_object_or_404(Genre, pk=genre_id)
        on_version["published_version__genre"] = genre
    if year:
        tz = timezone.get_current_timezone()
        on_item["published_at__gte"] = datetime(year, 1, 1, tzinfo=tz)
        on_item["published_at__lt"] = datetime(year + 1, 1, 1, tzinfo=tz)
    items = _published().filter(**on_item, **on_version).order_by("-published_at", "-pk")
    page = CountedPaginator(items, PAGE_SIZE, count=_count(items, on_item, on_version)).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "catalog/public/browse.html",
        {
            "page_obj": page,
            "agency": agency,
            "topic": topic,
            "genre": genre,
            "year": year,
            "topics": Topic.objects.filter(parent__isnull=True, is_active=True),
            "genres": Genre.objects.filter(is_active=True),
            "years": range(timezone.localdate().year, timezone.localdate().year - 10, -1),
            "agencies": _agencies().only("id", "name"),
        },
    )


class CountedPaginator(Paginator):
    """A paginator told its total instead of counting the page query."""

    def __init__(self, *args, count: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.__dict__["count"] = count


def _count(items, on_item: dict, on_version: dict) -> int:
    """How many items the list holds. Without topic or genre filters it is read from the
    item table's indexes alone: at 100,000 items the joined count costs more than the page.
    The rows shown still pass the full `public()` test, so the count never reveals a row."""
    if on_version:
        return items.count()
    return InfoItem.objects.filter(published_version__isnull=False, **on_item).count()


def item(request, pk: int):
    found = get_object_or_404(_published().select_related("published_version__genre"), pk=pk)
    version = found.published_version
    return render(
        request,
        "catalog/public/item.html",
        {
            "item": found,
            "version": version,
            "attachments": version.attachments.all(),
            "changed": version.number > 1,
            "has_history": found.versions.filter(
                published_at__isnull=False, number__lt=version.number
            ).exists(),
            # For reading on a phone what is open on a screen, and for a printed copy's reader:
            # the page's own address, without a query string the page does not read (a long
            # one would not fit in a QR code).
            "qr": qr_code(request.build_absolute_uri(request.path)),
        },
    )


@functools.lru_cache(maxsize=4096)
def qr_code(url: str) -> str:
    """The QR code of a page's address as an SVG data URI. Choosing the best of eight masks
    takes a third of an item page's time, and a surge reads the same few pages again and
    again, so each address's code is made once per process."""
    return segno.make(url, error="m").svg_data_uri(scale=3)


def history(request, pk: int):
    """历史版本: the versions the portal has shown, with their dates and change notes.

    Only the list is public, not the earlier texts: a version is replaced because it was wrong
    or no longer applies, and a correction may have removed what should never have been shown
    (Art. 15, personal or commercial information). The portal serves the version in force
    (Art. 26 asks it to be kept current); an earlier text is given on application. A withdrawn
    item has no public history either, as it has no public page.
    """
    found = get_object_or_404(_published(), pk=pk)
    versions = found.versions.filter(
        published_at__isnull=False, number__lte=found.published_version.number
    ).order_by("-number")
    return render(
        request,
        "catalog/public/history.html",
        {"item": found, "version": found.published_version, "versions": versions},
    )


def attachment(request, pk: int):
    """A file of a published version; files of drafts and older versions are not served."""
    found = get_object_or_404(
        Attachment.objects.select_related("version__item"),
        pk=pk,
        version__item__in=InfoItem.objects.public(),
    )
    if found.version.item.published_version_id != found.version_id:
        raise Http404
    return file_response(found.file.open("rb"), kind=found.kind, filename=found.name, inline=True)


class AtomWithFiles(Atom1Feed):
    """Atom with each entry's attachments as enclosure links carrying their public titles
    (RFC 4287 §4.2.7 allows a title on any link); made absolute against the feed's own link,
    which the syndication view has already made absolute."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for file in item.get("files", ()):
            handler.addQuickElement(
                "link",
                "",
                {
                    "rel": "enclosure",
                    "href": urljoin(self.feed["link"], file["url"]),
                    "title": file["title"],
                    "length": file["length"],
                    "type": file["type"],
                },
            )


class LatestItemsFeed(Feed):
    """Atom feed of newly published items: all, per agency (`agency`) or per topic (`topic`)."""

    feed_type = AtomWithFiles
    limit = 50

    def get_object(self, request, pk: int | None = None, kind: str = ""):
        if kind == "agency":
            return get_object_or_404(_agencies(), pk=pk)
        if kind == "topic":
            return get_object_or_404(Topic, pk=pk)
        return None

    def title(self, obj):
        return f"{obj}·政府信息公开" if obj else "政府信息公开·最新信息"

    def link(self, obj):
        return reverse("disclosure:browse")

    def subtitle(self, obj):
        return "依据《政府信息公开条例》主动公开的政府信息"

    def items(self, obj):
        items = _published()
        if isinstance(obj, Agency):
            items = items.filter(agency=obj)
        elif isinstance(obj, Topic):
            ids = [obj.pk, *obj.children.values_list("pk", flat=True)]
            items = items.filter(published_version__topic__in=ids)
        return items.prefetch_related("published_version__attachments").order_by("-published_at")[
            : self.limit
        ]

    def item_title(self, item):
        return item.published_version.title

    def item_description(self, item):
        version = item.published_version
        return version.summary or version.body[:200]

    def item_link(self, item):
        return reverse("disclosure:item", args=[item.pk])

    def item_pubdate(self, item):
        return item.first_published_at or item.published_at

    def item_updateddate(self, item):
        return item.published_at

    def item_author_name(self, item):
        return item.published_version.publisher

    def item_extra_kwargs(self, item):
        return {
            "files": [
                {
                    "url": reverse("disclosure:attachment", args=[a.pk]),
                    "title": a.title,
                    "length": str(a.size),
                    "type": CONTENT_TYPES[a.kind],
                }
                for a in item.published_version.attachments.all()
            ]
        }


class ItemSitemap(Sitemap):
    limit = 10000

    def items(self):
        return InfoItem.objects.public().only("pk", "published_at").order_by("-published_at", "-pk")

    def location(self, item):
        return reverse("disclosure:item", args=[item.pk])

    def lastmod(self, item):
        return item.published_at


class ColumnSitemap(Sitemap):
    def items(self):
        return list(_agencies().values_list("pk", flat=True))

    def location(self, pk):
        return reverse("disclosure:agency", args=[pk])


SITEMAPS = {"items": ItemSitemap, "columns": ColumnSitemap}
