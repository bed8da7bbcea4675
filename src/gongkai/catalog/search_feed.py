"""What the catalog gives full-text search: each published item and each agency's 政府信息公开
指南 as a `SearchDocument`, sources for full rebuilds (`CatalogSource`, `GuideSource`; the
portal's `PublicPagesSource` takes both), and receivers that queue index changes in the
publishing or saving transaction."""

from collections.abc import Iterator

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from gongkai.agencies.models import Agency
from gongkai.checks.extract import html_to_text
from gongkai.search.documents import Kind, SearchDocument, Status
from gongkai.search.services import enqueue_delete, enqueue_upsert, enqueue_upserts

from . import guides
from .models import InfoItem


def key_for(item: InfoItem) -> str:
    return f"item:{item.pk}"


def document_for(item: InfoItem) -> SearchDocument:
    """The public version of `item` as search indexes it."""
    version = item.published_version
    return SearchDocument(
        key=key_for(item),
        title=version.title,
        agency_id=item.agency_id,
        agency_path=item.agency.path,
        agency_name=item.agency.name,
        index_number=item.index_no,
        doc_number=version.doc_no,
        issued_on=version.written_on,
        published_on=timezone.localdate(item.first_published_at or item.published_at),
        topic=str(version.topic) if version.topic_id else "",
        genre=str(version.genre) if version.genre_id else "",
        validity=version.validity,
        disclosure=version.attribute,
        summary=version.summary,
        body=version.body,
        attachment_text="\n".join(a.text for a in version.attachments.all() if a.text),
        status=Status.PUBLISHED,
        url=reverse("disclosure:item", args=[item.pk]),
    )


class CatalogSource:
    """Every published item, for `gongkai reindex`."""

    def _items(self):
        return (
            InfoItem.objects.public()
            .select_related(
                "agency", "published_version__topic__parent", "published_version__genre"
            )
            .prefetch_related("published_version__attachments")
            .order_by("pk")
        )

    def count(self) -> int:
        return self._items().count()

    def documents(self) -> Iterator[SearchDocument]:
        for item in self._items().iterator(chunk_size=500):
            yield document_for(item)


def guide_key(agency: Agency) -> str:
    return f"guide:{agency.pk}"


def guide_document(agency: Agency) -> SearchDocument:
    """The agency's guide as search indexes it: the text of its public page."""
    context = guides.guide_context(agency)
    markup = render_to_string("catalog/public/guide_text.html", context)
    title = f"{agency.name}政府信息公开指南"
    return SearchDocument(
        key=guide_key(agency),
        title=title,
        agency_id=agency.pk,
        agency_path=agency.path,
        agency_name=agency.name,
        published_on=timezone.localdate(context["updated"]) if context["updated"] else None,
        genre="公开指南",
        disclosure="proactive",
        # The page's first line is its title, indexed as such.
        body=html_to_text(markup).removeprefix(title).strip(),
        status=Status.PUBLISHED,
        url=reverse("disclosure:guide", args=[agency.pk]),
        kind=Kind.GUIDE,
    )


class GuideSource:
    """The guide of every active agency (each has one, written from its records), for
    `gongkai reindex`."""

    def _agencies(self):
        return Agency.objects.active().prefetch_related("reading_rooms").order_by("pk")

    def count(self) -> int:
        return self._agencies().count()

    def documents(self) -> Iterator[SearchDocument]:
        for agency in self._agencies().iterator(chunk_size=200):
            yield guide_document(agency)


def on_guide_changed(sender, agency: Agency, **kwargs) -> None:
    enqueue_upsert(guide_document(agency))


def on_published(sender, item: InfoItem, version, **kwargs) -> None:
    enqueue_upsert(document_for(item))


def on_many_published(sender, agency: Agency, published: list, **kwargs) -> None:
    items = (
        InfoItem.objects.filter(pk__in=[item.pk for item, _ in published])
        .select_related("agency", "published_version__topic__parent", "published_version__genre")
        .prefetch_related("published_version__attachments")
    )
    enqueue_upserts([document_for(item) for item in items])


def on_withdrawn(sender, item: InfoItem, version, **kwargs) -> None:
    enqueue_delete(key_for(item))
