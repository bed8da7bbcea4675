"""The embedded default backend: a tantivy index in a local folder, no server to run.

The index's fields are in `tantivy_schema`, turning documents into them (and sizing a
rebuild's buffer) in `tantivy_indexing`, the queries in `tantivy_querying` and the first
passes that rank common terms without scoring every match in `tantivy_ranking`. This module
opens the index, writes to it, builds a new one beside it and swaps it in (the folder's
generations are in `tantivy_generations`), and answers the service's calls: ranked pages,
totals (estimated from a sample when large) and facets.
"""

import json
import os
import shutil
from collections.abc import Iterable
from datetime import date
from pathlib import Path

import tantivy
from django.conf import settings

from ..documents import Kind, SearchDocument
from ..query import ParsedQuery
from ..words import FILE_NAME as WORDS_FILE
from ..words import WordFinder
from . import tantivy_generations as generations
from . import tantivy_ranking as ranking
from .base import Filters, Hit, IndexUnavailable, Results
from .tantivy_indexing import (
    QUEUE_HEAP,
    build_document,
    memory_available,
    prepare,
    rebuild_heap,
    uid,
)
from .tantivy_querying import QueryBuilder, Reading
from .tantivy_schema import FACET_FIELDS, SAMPLE_BUCKETS, build_schema

__all__ = ["IndexOutdated", "TantivyBackend", "memory_available", "rebuild_heap", "uid"]

FACET_SIZE = 20
# Fewer sampled matches than this, and the total is counted exactly instead.
SAMPLE_MIN = 40


class IndexOutdated(IndexUnavailable):
    """The index on disk was built with another schema: rebuild it with `gongkai reindex`."""


def _ties_by_key(hits: list[Hit]) -> list[Hit]:
    """Equal scores in key order: tantivy breaks ties by where a document sits in the index,
    which a rebuild on several threads changes."""
    return sorted(hits, key=lambda hit: (-hit.score, hit.key))


class TantivyBackend:
    """`SearchBackend` over the live tantivy index in the folder `path` (created on first use).

    A rebuild fills a new generation of the folder (`beside`) while this one keeps answering,
    then `swap_in` makes it live; other processes follow at their next `refresh`. A backend
    made with `generation` is pinned to that folder: the one a rebuild writes.

    Changes from the queue are written with a small buffer on one thread; a rebuild
    (`add_new`) with a large one (`rebuild_heap`) on every core (up to four), so that it
    makes few segments and leaves nothing to merge.

    `shortcuts` (default: the GONGKAI_SEARCH_SHORTCUTS setting, on) turns the ranking
    shortcuts on or off together: the first passes of `tantivy_ranking`, phrases looked up
    by fewer bigrams and a one-word query's title boosts in one scorer. Either way the
    ranking is the same; `bench/search.py` measures what they save.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        writer_heap: int = QUEUE_HEAP,
        threads: int = 1,
        bulk_heap: int | None = None,
        bulk_threads: int = min(4, os.cpu_count() or 1),
        shortcuts: bool | None = None,
        generation: Path | None = None,
    ):
        self.root = Path(path)
        self.root.mkdir(parents=True, exist_ok=True)
        self._pinned = generation
        # The live index's folder; settled when the index is opened.
        self.path = generation or generations.live(self.root)
        self._pointer: tuple[int, int, int] | None = None
        self.schema = build_schema()
        self.shortcuts = settings.GONGKAI_SEARCH_SHORTCUTS if shortcuts is None else shortcuts
        self._index: tantivy.Index | None = None
        self._writer_heap = writer_heap
        self._threads = threads
        self._bulk = (bulk_heap, bulk_threads)
        self._writer: tantivy.IndexWriter | None = None
        self._words: WordFinder | None = None

    def _outdated(self) -> IndexOutdated:
        return IndexOutdated(
            f"检索索引 {self.path} 的结构与本版本不符，请运行 gongkai reindex 重建"
        )

    def _open(self) -> None:
        if self._pinned is None:
            self._pointer = generations.pointer_stamp(self.root)
            self.path = generations.live(self.root)
        words = self.path / WORDS_FILE
        if not words.exists():
            if tantivy.Index.exists(str(self.path)):
                raise self._outdated()
            # A new index: it is built with, and then always queried with, today's list.
            WordFinder.configured().save(words)
        try:
            self._index = tantivy.Index(self.schema, path=str(self.path))
        except ValueError as error:
            raise self._outdated() from error
        self._words = WordFinder.load(words)

    def _forget(self) -> None:
        """Open the live index afresh at the next use (after a swap)."""
        self._writer = None
        self._index = None
        self._words = None

    @property
    def index(self) -> tantivy.Index:
        if self._index is None:
            self._open()
        assert self._index is not None
        return self._index

    @property
    def words(self) -> WordFinder:
        """The frequent-word list this index was built with."""
        if self._words is None:
            self._open()
        assert self._words is not None
        return self._words

    # -- writing ---------------------------------------------------------------------------

    @property
    def writer(self) -> tantivy.IndexWriter:
        if self._writer is None:
            self._writer = self.index.writer(self._writer_heap, self._threads)
        return self._writer

    def upsert(self, documents: Iterable[SearchDocument]) -> None:
        writer = self.writer
        for doc in documents:
            writer.delete_documents_by_term("key", doc.key)
            writer.add_document(build_document(prepare(doc, self.words)))

    def add_new(self, documents: Iterable[SearchDocument]) -> int:
        """Bulk load into an index known not to hold these keys (a rebuild): no deletes."""
        if self._writer is None:
            heap, threads = self._bulk
            if heap is None:  # sized now, not at every start of a process that only reads
                heap = rebuild_heap(threads, memory_available())
            self._writer = self.index.writer(heap, threads)
        writer = self._writer
        added = 0
        for doc in documents:
            writer.add_document(build_document(prepare(doc, self.words)))
            added += 1
        return added

    def delete(self, keys: Iterable[str]) -> None:
        writer = self.writer
        for key in keys:
            writer.delete_documents_by_term("key", key)

    def commit(self) -> None:
        if self._writer is not None:
            self._writer.commit()
            self._writer.wait_merging_threads()
            self._writer = None
        self.index.reload()

    def rollback(self) -> None:
        """Drop uncommitted writes and release the writer lock for the next sync."""
        if self._writer is not None:
            writer, self._writer = self._writer, None
            writer.rollback()
            del writer

    # -- rebuilding ------------------------------------------------------------------------

    def beside(self) -> "TantivyBackend":
        """A new, empty index beside the live one, for a rebuild; the live one keeps answering
        until `swap_in`. What earlier rebuilds left behind (a killed one's half-built folder) is
        removed first: call it with the rebuild lock held."""
        generations.discard_others(self.root)
        heap, threads = self._bulk
        return TantivyBackend(
            self.root,
            writer_heap=self._writer_heap,
            threads=self._threads,
            bulk_heap=heap,
            bulk_threads=threads,
            shortcuts=self.shortcuts,
            generation=generations.new_generation(self.root),
        )

    def swap_in(self, built: "TantivyBackend") -> None:
        """Make the rebuilt index `built` the live one in one rename, and remove the old."""
        built.commit()
        generations.make_live(self.root, built.path)
        self._forget()
        generations.discard_others(self.root)

    def discard(self) -> None:
        """Drop a rebuild that failed: its writes and its folder (never the live index)."""
        self.rollback()
        if self._pinned is not None:
            self._index = None
            shutil.rmtree(self._pinned, ignore_errors=True)

    # -- reading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """See commits made by other processes: the sync worker's, and a rebuild swapped in
        elsewhere (which may come with another word list)."""
        if self._pinned is None and generations.pointer_stamp(self.root) != self._pointer:
            self._forget()
            return
        try:
            self.index.reload()
        except ValueError:
            # The folder went between reading the pointer and reloading: a swap just made.
            self._forget()

    def _builder(self) -> QueryBuilder:
        """The queries of one call, read through one searcher (see `Reading`)."""
        reading = Reading(self.index.searcher())
        return QueryBuilder(self.schema, self.words, reading, self.shortcuts)

    def build(
        self, query: ParsedQuery, filters: Filters, *, scored: bool = True, sampled: bool = False
    ) -> tantivy.Query | None:
        """The tantivy query for a parsed query and filters (see `QueryBuilder.build`)."""
        return self._builder().build(query, filters, scored=scored, sampled=sampled)

    def search(
        self,
        query: ParsedQuery,
        filters: Filters,
        *,
        sort: str = "relevance",
        offset: int = 0,
        limit: int = 10,
        count: bool = True,
    ) -> Results:
        builder = self._builder()
        built = builder.build(query, filters)
        if built is None:
            return Results(total=0, hits=[])
        searcher = builder.searcher
        ranked = None
        if self.shortcuts and ranking.applies(sort, offset, limit):
            asked = ranking.Ranking(query, filters, built, offset + limit)
            ranked = ranking.ranked_head_first(builder, asked)
        if ranked is not None:
            hits = _ties_by_key([self._hit(searcher, s, a) for s, a in ranked[offset:]])
            if not count:
                return Results(total=len(hits) + offset, hits=hits)
            total, approximate = self._total(builder, query, filters)
            return Results(total=total, hits=hits, approximate=approximate)
        # Every match is visited anyway: counting them in the same pass costs next to nothing.
        order = {"order_by_field": "day"} if sort == "date" else {"weight_by_field": "rank"}
        result = searcher.search(built, limit, count=count, offset=offset, **order)
        hits = [self._hit(searcher, score, address) for score, address in result.hits]
        if sort != "date":
            hits = _ties_by_key(hits)
        total = result.count if count and result.count is not None else len(hits) + offset
        return Results(total=total, hits=hits)

    def _total(
        self, builder: QueryBuilder, query: ParsedQuery, filters: Filters
    ) -> tuple[int, bool]:
        """The number of documents the query matches, and whether it is an estimate.

        Counting every match of a common term at a million documents takes longer than ranking
        them; a large total is estimated from the sample bucket instead (a relative error of
        about 1/√(sampled matches): under 16 % from the smallest sample used, 1 % for common
        terms). Smaller totals are counted exactly.

        The sample is required at each field lookup, not around the whole query: a posting
        list is skipped through to the next sampled document cheaply, where a union of the
        fields' lists is walked document by document (2.5 to 3 times slower at a million).
        """
        searcher = builder.searcher
        sampled_matcher = builder.build(query, filters, scored=False, sampled=True)
        if sampled_matcher is None:
            return 0, False
        sampled = searcher.search(sampled_matcher, 1, count=True).count
        if sampled >= SAMPLE_MIN:
            return sampled * SAMPLE_BUCKETS, True
        exact = builder.build(query, filters, scored=False)
        return searcher.search(exact, 1, count=True).count, False

    def _hit(self, searcher: tantivy.Searcher, score, address) -> Hit:
        doc = searcher.doc(address)
        data = json.loads(bytes(doc.get_first("stored")))
        return Hit(
            key=doc.get_first("key") or "",
            score=float(score) if isinstance(score, float) else 0.0,
            title=data["title"],
            index_number=data["index_number"],
            doc_number=data["doc_number"],
            agency_id=data["agency_id"],
            agency_name=data["agency_name"],
            date=date.fromisoformat(data["date"]) if data["date"] else None,
            topic=data["topic"],
            genre=data["genre"],
            validity=data["validity"],
            disclosure=data["disclosure"],
            status=data["status"],
            url=data["url"],
            kind=data.get("kind", Kind.ITEM),
            summary=data["summary"],
            body=data["body"],
        )

    def public_documents(self) -> int:
        """How many documents the public may find (published and current)."""
        searcher = self.index.searcher()
        public = tantivy.Query.term_query(self.schema, "visibility", "public")
        return searcher.search(public, 1, count=True).count

    def count(self, query: ParsedQuery, filters: Filters) -> int:
        """The number of matches, estimated when large (see `_total`)."""
        return self._total(self._builder(), query, filters)[0]

    def facets(
        self,
        query: ParsedQuery,
        filters: Filters,
        names: Iterable[str],
        *,
        sampled: bool = False,
    ) -> dict[str, list[tuple[str, int]]]:
        """Counts per value of each facet; `sampled` estimates them from the sample bucket, as
        the total was when it was large."""
        builder = self._builder()
        matcher = builder.build(query, filters, scored=False, sampled=sampled)
        names = [n for n in names if n in FACET_FIELDS]
        if matcher is None or not names:
            return {n: [] for n in names}
        spec = {
            name: {"terms": {"field": FACET_FIELDS[name], "size": FACET_SIZE}} for name in names
        }
        scale = SAMPLE_BUCKETS if sampled else 1
        answer = builder.searcher.aggregate(matcher, spec)
        found: dict[str, list[tuple[str, int]]] = {}
        for name in names:
            buckets = answer.get(name, {}).get("buckets", [])
            found[name] = [
                (
                    str(int(b["key"]) if isinstance(b["key"], float) else b["key"]),
                    b["doc_count"] * scale,
                )
                for b in buckets
                if b["key"] not in ("", 0, 0.0)
            ]
        return found
