"""The one search service: feeding the index from the change queue, rebuilding it, and querying.

The portal page, the public API and the `gongkai search` command all call `search()`; the
catalog calls `enqueue_upsert` / `enqueue_delete` inside its own transactions.
"""

import fcntl
import logging
import math
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.module_loading import import_string

from gongkai.agencies import access
from gongkai.agencies.models import Agency

from . import query as query_module
from . import suggest
from .backends.base import Filters, Hit, IndexUnavailable, Results, SearchBackend
from .documents import KIND_LABELS, DocumentSource, SearchDocument
from .highlight import highlight, snippet
from .models import IndexChange
from .query import ParsedQuery

log = logging.getLogger(__name__)

PAGE_SIZE = 10
MAX_PAGE_SIZE = 50
# Deep pages cost the index as much as the first thousand results; nobody reads past them.
MAX_RESULTS = 1000
SYNC_BATCH = 500
FACETS = ("kind", "agency", "topic", "genre", "year")
SORTS = {"relevance": "相关度", "date": "日期"}
# Staff may also find unpublished items where they may read the catalog (their own agency,
# and a supervisor's subtree).
DRAFT_ACTION = "item.view"


@cache
def backend() -> SearchBackend:
    """The configured backend (GONGKAI_SEARCH_BACKEND), one per process."""
    return import_string(settings.GONGKAI_SEARCH_BACKEND)(settings.GONGKAI_SEARCH_INDEX_DIR)


def reset_backend() -> None:
    """Forget the process's backend, after the settings that name it have changed."""
    backend.cache_clear()


# The lock kinds: one writer of the live index at a time (the queue's replay, and a rebuild's
# catching up and swap), and one rebuild at a time, which leaves the writer lock free while it
# fills its new index, so that the live one keeps taking changes meanwhile.
WRITER, REBUILD = "lock", "rebuild.lock"


@contextmanager
def _index_lock(blocking: bool, kind: str = WRITER) -> Iterator[bool]:
    """Hold the lock of `kind` across processes; `False` when another holds it and we won't
    wait."""
    path = Path(settings.GONGKAI_SEARCH_INDEX_DIR)
    path.mkdir(parents=True, exist_ok=True)
    with open(path.parent / f".{path.name}.{kind}", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


# -- feeding the index -----------------------------------------------------------------------


def enqueue_upsert(document: SearchDocument) -> IndexChange:
    """Record that `document` should be (re)indexed; call inside the change's transaction."""
    [change] = enqueue_upserts([document])
    return change


def enqueue_upserts(documents: list[SearchDocument]) -> list[IndexChange]:
    """`enqueue_upsert` for many documents in one statement, in their order."""
    changes = IndexChange.objects.bulk_create(
        IndexChange(key=d.key, op=IndexChange.Op.UPSERT, payload=d.to_dict()) for d in documents
    )
    _sync_after_commit()
    return changes


def enqueue_delete(key: str) -> IndexChange:
    """Record that the document `key` must leave the index (withdrawn, deleted)."""
    change = IndexChange.objects.create(key=key, op=IndexChange.Op.DELETE)
    _sync_after_commit()
    return change


def _sync_after_commit() -> None:
    if settings.GONGKAI_SEARCH_SYNC_INLINE:
        transaction.on_commit(_sync_quietly)


def _sync_quietly() -> None:
    # The change is safe in the queue; if indexing fails now the worker replays it later.
    try:
        sync()
    except Exception:
        log.exception("search index sync failed; the queued changes stay for the next run")


def pending() -> int:
    return IndexChange.objects.filter(processed_at__isnull=True).count()


def sync(batch: int = SYNC_BATCH) -> int:
    """Replay unprocessed changes into the index; returns how many rows were applied.

    Rows are marked processed only after the index commit, so a kill at any point leaves
    them to be replayed; replaying is idempotent.
    """
    applied = 0
    with _index_lock(blocking=False) as locked:
        if not locked:
            return 0
        engine = backend()
        engine.refresh()  # a rebuild swapped in elsewhere: write to the live index
        while True:
            rows = list(
                IndexChange.objects.filter(processed_at__isnull=True).order_by("id")[:batch]
            )
            if not rows:
                break
            _apply(engine, rows)
            IndexChange.objects.filter(id__in=[row.id for row in rows]).update(
                processed_at=timezone.now()
            )
            applied += len(rows)
    return applied


def _apply(engine: SearchBackend, rows: list[IndexChange]) -> None:
    """Write a batch of changes and commit: the last change of a key in the batch wins."""
    latest: dict[str, IndexChange] = {}
    for row in rows:
        latest[row.key] = row
    deletes = [key for key, row in latest.items() if row.op == IndexChange.Op.DELETE]
    upserts = [
        SearchDocument.from_dict(row.payload)
        for row in latest.values()
        if row.op == IndexChange.Op.UPSERT
    ]
    try:
        engine.delete(deletes)
        engine.upsert(upserts)
        engine.commit()
    except BaseException:
        engine.rollback()
        raise


def reindex(
    source: DocumentSource, progress: Callable[[int], None] | None = None, batch: int = 1000
) -> int:
    """Rebuild the index out of `source` beside the live one, which keeps answering and
    taking queued changes meanwhile; then bring the new one up to date and swap it in.

    Up to date means: every change the live index took since the rebuild began (its document
    may have been read from the database before the change), and every change still queued,
    replayed into the new index under the writer lock, so none is lost across the swap. A
    rebuild that fails or is killed leaves the live index as it was; its half-built folder
    goes with the next rebuild.
    """
    with _index_lock(blocking=True, kind=REBUILD):
        engine = backend()
        began = timezone.now()
        built = engine.beside()
        swapped = False
        try:
            total = _fill(built, source, progress, batch)
            built.commit()
            with _index_lock(blocking=True):
                since = IndexChange.objects.filter(
                    Q(processed_at__isnull=True) | Q(processed_at__gte=began)
                )
                replayed = _catch_up(built, since)
                engine.swap_in(built)
                swapped = True
                IndexChange.objects.filter(id__in=replayed, processed_at__isnull=True).update(
                    processed_at=timezone.now()
                )
        except BaseException:
            if not swapped:  # after the swap the built index is the live one
                built.discard()
            raise
    sync()  # what was queued while the swap held the writer lock
    return total


def _fill(
    built: SearchBackend,
    source: DocumentSource,
    progress: Callable[[int], None] | None,
    batch: int,
) -> int:
    total = 0
    chunk: list[SearchDocument] = []
    for document in source.documents():
        chunk.append(document)
        if len(chunk) >= batch:
            total += built.add_new(chunk)
            if progress:
                progress(len(chunk))
            chunk = []
    if chunk:
        total += built.add_new(chunk)
        if progress:
            progress(len(chunk))
    return total


def _catch_up(built: SearchBackend, changes, batch: int = SYNC_BATCH) -> list[int]:
    """Replay `changes` into a rebuilt index in order; the ids replayed."""
    replayed: list[int] = []
    after = 0
    while rows := list(changes.filter(id__gt=after).order_by("id")[:batch]):
        _apply(built, rows)
        replayed += [row.id for row in rows]
        after = rows[-1].id
    return replayed


def unavailable() -> str | None:
    """Why the index cannot answer queries (it was built by another version), or None."""
    everything = query_module.parse("")
    everything.match_all = True
    try:
        backend().count(everything, Filters(public_only=False, all_drafts=True))
    except IndexUnavailable as error:
        return str(error)
    return None


def shortfall(source: DocumentSource) -> str | None:
    """What the index lacks: fewer public documents than `source` (the database) says it
    should hold, beyond the changes still queued for it; None when it holds them all.

    An empty or half-filled index answers queries, only wrongly, so `gongkai reindex
    --if-unavailable` rebuilds it as it does one that cannot answer at all.
    """
    expected = source.count()
    engine = backend()
    engine.refresh()
    held = engine.public_documents()
    waiting = pending()
    if held + waiting >= expected:
        return None
    queued = f"（另有 {waiting} 条变更待写入）" if waiting else ""
    return (
        f"检索索引缺少 {expected - held} 条：索引中有 {held} 条公开文档，"
        f"数据库中应有 {expected} 条{queued}，请运行 gongkai reindex 重建"
    )


# -- querying --------------------------------------------------------------------------------


@dataclass(frozen=True)
class SearchRequest:
    """What was asked, already validated by the caller's form or serializer."""

    q: str = ""
    agency: int | None = None
    topic: str = ""
    genre: str = ""
    year: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    validity: str = ""
    disclosure: str = ""
    kind: str = ""
    sort: str = "relevance"
    page: int = 1
    page_size: int = PAGE_SIZE
    include_drafts: bool = False

    @property
    def has_filters(self) -> bool:
        return bool(
            self.agency
            or self.topic
            or self.genre
            or self.year
            or self.date_from
            or self.date_to
            or self.validity
            or self.disclosure
            or self.kind
        )


@dataclass
class Result:
    hit: Hit
    title_html: str
    snippet_html: str
    snippet_text: str

    @property
    def kind_label(self) -> str:
        """年度报告, 公开指南 or 政府信息."""
        return KIND_LABELS.get(self.hit.kind, self.hit.kind)


@dataclass
class SearchPage:
    request: SearchRequest
    query: ParsedQuery
    total: int
    results: list[Result]
    page: int
    num_pages: int
    # The total is an estimate (a large result set, counted from a sample).
    approximate: bool = False
    facets: dict[str, list[tuple[str, str, int]]] = field(default_factory=dict)
    suggestion: str = ""
    notices: list[str] = field(default_factory=list)
    took_ms: float = 0.0
    # Why the index could not answer, for the operator (empty when it did).
    unavailable: str = ""

    @property
    def total_label(self) -> str:
        """The total as the page shows it: exact, or an estimate to two significant figures,
        in 万 from ten thousand up (约 56万, 约 1.6万, 约 2600)."""
        if not self.approximate:
            return str(self.total)
        rounded = float(f"{self.total:.2g}")
        if rounded >= 10_000:
            return f"{rounded / 10_000:g}万"
        return str(int(rounded))

    @property
    def relaxed(self) -> bool:
        """Nothing held every word: these are the best partial matches."""
        return self.query.relaxed and self.total > 0

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages


def _filters(request: SearchRequest, user) -> Filters:
    agency_path = ""
    if request.agency:
        agency = Agency.objects.filter(pk=request.agency).only("path").first()
        # An unknown agency matches nothing rather than silently searching everywhere.
        agency_path = agency.path if agency else "/none/"
    common = {
        "agency_path": agency_path,
        "topic": request.topic,
        "genre": request.genre,
        "year": request.year,
        "date_from": request.date_from,
        "date_to": request.date_to,
        "validity": request.validity,
        "disclosure": request.disclosure,
        "kind": request.kind,
    }
    if not request.include_drafts or user is None:
        return Filters(**common)
    grant = access.grant(user, DRAFT_ACTION)
    if grant.nothing:
        return Filters(**common)
    return Filters(
        **common,
        public_only=False,
        all_drafts=grant.everywhere,
        draft_agency_ids=grant.agency_ids,
        draft_agency_paths=grant.subtree_paths,
    )


def _facet_labels(facets: dict[str, list[tuple[str, int]]]) -> dict[str, list]:
    """(value, label, count) buckets: agencies arrive as "id:name"; years, newest first,
    get 年; kinds are named (年度报告)."""
    labelled: dict[str, list] = {}
    for name, buckets in facets.items():
        rows = []
        for value, count in buckets:
            if name == "agency":
                value, _, label = value.partition(":")
            elif name == "kind":
                label = KIND_LABELS.get(value, value)
            else:
                label = f"{value}年" if name == "year" else value
            rows.append((value, label, count))
        if name == "year":
            rows.sort(key=lambda row: row[0], reverse=True)
        labelled[name] = rows
    return labelled


def find(
    engine: SearchBackend,
    parsed: query_module.ParsedQuery,
    filters: Filters,
    *,
    sort: str = "relevance",
    offset: int = 0,
    limit: int = PAGE_SIZE,
) -> tuple[query_module.ParsedQuery, Results]:
    """Ranked results, and the query that found them.

    A word typed without spaces is first searched as typed (管理部门 where it occurs as
    such); only when that finds nothing is it split into its dictionary words, each of which
    must then occur somewhere (政府信息公开条例规定 → 政府信息公开条例 + 规定). Searching the
    text as typed is both what the reader meant and far cheaper than intersecting common
    words across a large catalog.
    """
    whole = parsed.as_typed()
    if whole is not None:
        found = engine.search(whole, filters, sort=sort, offset=offset, limit=limit)
        if found.total:
            return whole, found
    return parsed, engine.search(parsed, filters, sort=sort, offset=offset, limit=limit)


UNAVAILABLE = "检索服务暂时不可用，请稍后再试。"


def relaxed_notice(typed: str) -> str:
    """What the page says above partial matches (the query as typed, quoted)."""
    return f"未找到完整包含“{query_module.clean(typed)}”的信息，以下是部分匹配的结果。"


def search(request: SearchRequest, user=None, *, with_facets: bool = True) -> SearchPage:
    """Search as `user` (None for the public) and return one page of highlighted results; a
    page with `unavailable` set, and a notice, when the index cannot answer."""
    try:
        return _search(request, user, with_facets)
    except IndexUnavailable as error:
        log.error("search index unavailable: %s", error)
        parsed = query_module.parse(request.q)
        return SearchPage(
            request, parsed, 0, [], 1, 0, notices=[UNAVAILABLE], unavailable=str(error)
        )


def _search(request: SearchRequest, user, with_facets: bool) -> SearchPage:
    started = time.perf_counter()
    parsed = query_module.parse(request.q)
    notices = list(parsed.notices)
    page_size = max(1, min(request.page_size, MAX_PAGE_SIZE))
    if parsed.empty and not request.has_filters:
        if request.q.strip():
            notices.append("检索词中没有可检索的文字，请输入汉字、字母或数字。")
        return SearchPage(request, parsed, 0, [], 1, 0, notices=notices)
    if parsed.empty:
        parsed.match_all = True
    filters = _filters(request, user)
    engine = backend()
    engine.refresh()
    sort = request.sort if request.sort in SORTS else "relevance"
    if parsed.match_all and request.sort == "relevance":
        sort = "date"
    last_page = max(1, math.ceil(MAX_RESULTS / page_size))
    page = max(1, request.page)
    if page > last_page:
        notices.append(f"只提供前 {MAX_RESULTS} 条结果，请增加检索词或筛选条件缩小范围。")
        page = last_page
    offset = (page - 1) * page_size
    parsed, found = find(engine, parsed, filters, sort=sort, offset=offset, limit=page_size)
    suggestion = ""
    if found.total == 0 and not parsed.empty:
        suggestion = suggest.did_you_mean(parsed, lambda q: engine.count(q, filters))
        # A typing slip is answered by its correction; otherwise the words found apart
        # (低保标准 where items say 最低生活保障 … 标准) beat no answer at all.
        relaxed = None if suggestion else parsed.relax()
        if relaxed is not None:
            parsed = relaxed
            found = engine.search(parsed, filters, sort=sort, offset=offset, limit=page_size)
    if parsed.relaxed and found.total:
        notices.append(relaxed_notice(request.q))
    elif parsed.split and found.total:
        notices.append("没有找到与检索词完全一致的内容，以下结果分别包含检索词中的各个词。")
    num_pages = min(math.ceil(found.total / page_size), last_page)
    if found.total and page > num_pages:
        notices.append(f"共 {num_pages} 页，已显示最后一页。")
        page = num_pages
        found = engine.search(
            parsed, filters, sort=sort, offset=(page - 1) * page_size, limit=page_size
        )
    terms = parsed.highlight_terms
    results = [
        Result(
            hit=hit,
            title_html=highlight(hit.title, terms),
            snippet_html=snippet(hit.summary or hit.body, terms, html=True),
            snippet_text=snippet(hit.summary or hit.body, terms, html=False),
        )
        for hit in found.hits
    ]
    facets = {}
    if with_facets:
        facets = _facet_labels(engine.facets(parsed, filters, FACETS, sampled=found.approximate))
    return SearchPage(
        request=request,
        query=parsed,
        total=found.total,
        results=results,
        page=page,
        num_pages=num_pages,
        approximate=found.approximate,
        facets=facets,
        suggestion=suggestion,
        notices=notices,
        took_ms=(time.perf_counter() - started) * 1000,
    )
