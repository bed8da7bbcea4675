"""What the catalog gives full-text search: each published item as a `SearchDocument`, a
source for full rebuilds (set GONGKAI_SEARCH_SOURCE to `gongkai.catalog.search_feed.
CatalogSource`), and receivers that queue index changes in the publishing transaction."""

from collections.abc import Iterator

from django.urls import reverse
from django.utils import timezone

from gongkai.search.documents import SearchDocument, Status
from gongkai.search.services import enqueue_delete, enqueue_upsert

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


def on_published(sender, item: InfoItem, version, **kwargs) -> None:
    enqueue_upsert(document_for(item))


def on_withdrawn(sender, item: InfoItem, version, **kwargs) -> None:
    enqueue_delete(key_for(item))
