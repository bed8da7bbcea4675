"""While `gongkai reindex` builds a new index, search keeps answering from the live one; the
new one replaces it only when it is complete."""

import threading

import pytest
from django.db import connection

from gongkai.search import services
from gongkai.search.documents import ListedSource

from .conftest import doc, search

pytestmark = pytest.mark.django_db(transaction=True)


class HeldSource(ListedSource):
    """Yields half its documents, then waits until the test lets the rebuild go on."""

    def __init__(self, documents) -> None:
        super().__init__(documents)
        self.halfway = threading.Event()
        self.go_on = threading.Event()

    def documents(self):
        half = len(self._documents) // 2
        yield from self._documents[:half]
        self.halfway.set()
        assert self.go_on.wait(60), "the test never let the rebuild finish"
        yield from self._documents[half:]


def _rebuild(source, failures: list) -> None:
    try:
        services.reindex(source, batch=10)
    except BaseException as error:  # reported by the test, not lost in the thread
        failures.append(error)
    finally:
        connection.close()


def test_a_search_during_a_rebuild_answers_from_the_live_index(indexed):
    indexed(*[doc(f"关于防汛工作的第{n}号通知") for n in range(5)])
    source = HeldSource([doc(f"关于抗旱工作的第{n}号通知") for n in range(40)])
    failures: list = []
    rebuild = threading.Thread(target=_rebuild, args=(source, failures))
    rebuild.start()
    try:
        assert source.halfway.wait(60)
        during = search("防汛")
        assert during.total == 5 and not during.unavailable
        assert search("抗旱").total == 0  # the half-built index is nobody's yet
    finally:
        source.go_on.set()
        rebuild.join(60)
    assert not failures
    assert search("抗旱").total == 40
    assert search("防汛").total == 0
