"""The live index keeps taking queued changes while a rebuild runs, and the rebuilt index
holds them too when it is swapped in: a change is never lost across the swap."""

import pytest

from gongkai.search import services
from gongkai.search.documents import ListedSource
from gongkai.search.models import IndexChange

from .conftest import doc, search

pytestmark = pytest.mark.django_db

WITHDRAWN = doc("关于防汛物资储备的通知")
KEPT = doc("关于抗旱工作的通知")
PUBLISHED_MEANWHILE = doc("关于森林防火的通告")


class ChangingSource(ListedSource):
    """A catalog read by the rebuild before an item is withdrawn and another published."""

    def __init__(self) -> None:
        super().__init__([WITHDRAWN, KEPT])

    def documents(self):
        yield from super().documents()
        services.enqueue_delete(WITHDRAWN.key)
        services.enqueue_upsert(PUBLISHED_MEANWHILE)
        # The live index takes both at once, before the rebuild is done.
        assert services.sync() == 2
        assert search("防汛物资").total == 0 and search("森林防火").total == 1


def test_changes_applied_during_a_rebuild_are_in_the_rebuilt_index(indexed):
    indexed(WITHDRAWN, KEPT)
    services.reindex(ChangingSource())
    assert search("防汛物资").total == 0
    assert search("森林防火").total == 1
    assert search("抗旱").total == 1
    assert services.pending() == 0


class QueuingSource(ListedSource):
    """A catalog changed while the queue cannot be replayed (another writer holds it)."""

    def __init__(self) -> None:
        super().__init__([KEPT])

    def documents(self):
        yield from super().documents()
        IndexChange.objects.create(
            key=PUBLISHED_MEANWHILE.key,
            op=IndexChange.Op.UPSERT,
            payload=PUBLISHED_MEANWHILE.to_dict(),
        )


def test_changes_still_queued_are_written_before_the_swap(index):
    services.reindex(QueuingSource())
    assert search("森林防火").total == 1
    assert services.pending() == 0
