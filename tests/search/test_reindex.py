"""`gongkai reindex` rebuilds from a document source and gives the same results as before, with
an indexing buffer sized to the machine."""

import os

import pytest
from django.core.management import call_command

from gongkai.search import services
from gongkai.search.backends import tantivy_backend
from gongkai.search.backends.tantivy_backend import (
    TantivyBackend,
    memory_available,
    rebuild_heap,
)
from gongkai.search.documents import ListedSource

from .conftest import doc, search

pytestmark = pytest.mark.django_db

DOCUMENTS = [
    doc("关于做好防汛工作的通知", body="防汛抗旱，确保安全度汛。"),
    doc("关于做好抗旱工作的通知", body="抗旱减灾。"),
    doc("防汛应急预案", body="防汛应急响应分为四级。", validity="repealed"),
]


class ListSource(ListedSource):
    """The documents above, for `gongkai reindex --source` (which takes a class)."""

    def __init__(self) -> None:
        super().__init__(DOCUMENTS)


def _ranked(q: str) -> list[tuple[str, float]]:
    return [(r.hit.key, round(r.hit.score, 3)) for r in search(q).results]


def test_reindex_gives_the_same_results_as_incremental_indexing(index):
    for document in DOCUMENTS:
        services.enqueue_upsert(document)
    services.sync()
    before = {q: _ranked(q) for q in ["防汛", "抗旱", "通知", "应急"]}
    steps: list[int] = []
    assert services.reindex(ListSource(), progress=steps.append) == 3
    assert sum(steps) == 3
    assert {q: _ranked(q) for q in before} == before


def test_reindex_drops_what_the_source_no_longer_has(indexed):
    indexed(doc("已经删除的旧文件"))
    services.reindex(ListSource())
    assert search("旧文件").total == 0
    assert search("防汛").total == 2


def test_reindex_replays_changes_queued_meanwhile(index):
    services.enqueue_upsert(doc("重建期间发布的通知"))
    services.reindex(ListSource())
    assert search("重建期间").total == 1


def test_reindex_command_with_a_progress_bar(index, capsys):
    call_command("reindex", "--source", f"{__name__}.ListSource")
    captured = capsys.readouterr()
    assert "已重建索引：3 条" in captured.out
    assert "3/3 100.0%" in captured.err


def test_a_rebuild_leaves_at_most_one_segment_per_writer_thread(index):
    """Every query looks its terms up once per segment: a rebuild commits once, at the end."""
    documents = [doc(f"第{i}号通知", body="防汛抗旱工作安排。" * 30) for i in range(2500)]
    assert services.reindex(ListedSource(documents), batch=1000) == 2500
    index.refresh()
    searcher = index.index.searcher()
    assert searcher.num_docs == 2500
    assert searcher.num_segments <= min(4, os.cpu_count() or 1)


def test_a_rebuild_sizes_its_buffer_to_the_machine(tmp_path, monkeypatch):
    monkeypatch.setattr(tantivy_backend, "memory_available", lambda: 6 * 10**9)
    backend = TantivyBackend(tmp_path / "index", bulk_threads=2)
    real = backend.index
    asked: list[tuple[int, int]] = []

    class RecordingIndex:
        def __getattr__(self, name):
            return getattr(real, name)

        def writer(self, heap, threads):
            asked.append((heap, threads))
            return real.writer(heap, threads)

    backend._index = RecordingIndex()
    assert backend.add_new(DOCUMENTS) == 3
    backend.commit()
    assert asked == [(2 * 10**9, 2)]


def test_a_rebuild_buffers_a_third_of_memory_within_tantivys_bounds_per_thread():
    gb = 10**9
    assert rebuild_heap(2, 6 * gb) == 2 * gb
    assert rebuild_heap(2, 24 * gb) == 8 * gb  # 4 GB per thread at most
    assert rebuild_heap(4, 300 * 10**6) == 4 * 64 * 10**6  # and 64 MB at least


def test_memory_is_the_containers_limit_when_that_is_lower(tmp_path):
    machine = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    v2, v1 = tmp_path / "memory.max", tmp_path / "memory.limit_in_bytes"
    v2.write_text(f"{machine // 2}\n")
    assert memory_available([v2, v1]) == machine // 2
    v2.write_text("max\n")  # no limit set
    assert memory_available([v2, v1]) == machine
    v1.write_text(f"{machine // 4}\n")
    assert memory_available([tmp_path / "no-v2", v1]) == machine // 4
    v1.write_text(f"{machine * 8}\n")  # how cgroup v1 says "no limit"
    assert memory_available([v1]) == machine
    assert memory_available([tmp_path / "no-cgroup"]) == machine
