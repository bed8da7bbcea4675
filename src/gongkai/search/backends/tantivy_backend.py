"""The embedded default backend: a tantivy index in a local folder, no server to run.

Chinese text is indexed as character bigrams (every character starts one token, see
`text.bigram_run`), so any substring of a title, summary or body is found by a phrase of its
bigrams; BM25 over those fields, boosted per field, ranks the matches. Each of those fields has
a `_words` companion holding every occurrence of the frequent words (see `words`), which a
query word on that list is looked up in instead, as one term.
"""

import dataclasses
import functools
import hashlib
import json
import math
import os
import re
import shutil
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from datetime import date
from pathlib import Path

import tantivy

from .. import text
from ..documents import SearchDocument, Validity
from ..query import Clause, ParsedQuery, Term
from ..words import FILE_NAME as WORDS_FILE
from ..words import WordFinder
from .base import Filters, Hit, IndexUnavailable, Results

# Field weights: a match in the title counts far more than one in the body.
WEIGHTS = {"title": 8.0, "summary": 2.0, "body": 1.0}
DOC_NUMBER_BOOST = 60.0
KNOWN_ITEM_BOOST = 12.0
EXACT_TITLE_BOOST = 40.0
FACET_FIELDS = {"agency": "agency", "topic": "topic", "genre": "genre", "year": "year"}
FACET_SIZE = 20
_EPOCH = date(2000, 1, 1)
# The fields whose matches make a document a candidate of the title pass.
HEAD_FIELDS = ("title", "summary")
# How many candidates a first pass re-scores in full.
HEAD_DEPTH = 100
# Past this many title matches the title pass is skipped (measured at a million documents:
# beyond it the pass costs about what scoring every match does, and its check mostly fails).
HEAD_CANDIDATES = 100_000
# Below this many possible matches scoring them all is quicker than the first pass.
FEW_MATCHES = 20_000
# tantivy's BM25: a term or phrase scores at most idf × (K1 + 1), whatever its frequency.
_K1 = 1.2
# The largest rank multiplier, log2(2 + weight) for an item in force dated today or later.
_MAX_RANK_FACTOR = math.log2(2 + 2.05)
# Room for the difference between live and stored document counts in idf (deletions).
_BOUND_SAFETY = 1.1
# Room for rounding when one pass's score bounds another's (tantivy scores in 32-bit floats).
_FLOAT_SLACK = 1.001
# Every document falls in one of these buckets by a hash of its key; bucket 0 is the sample
# that large totals and facet counts are estimated from.
SAMPLE_BUCKETS = 64
# Fewer sampled matches than this, and the total is counted exactly instead.
SAMPLE_MIN = 40
# The change queue's indexing buffer (its writes are small), and the least a rebuild's writer
# thread gets; at most tantivy's limit per thread (it addresses the buffer with 32 bits).
_QUEUE_HEAP = 64_000_000
_MAX_HEAP_PER_THREAD = 4_000_000_000
# Where a container's memory limit is found: cgroup v2, then v1.
_CGROUP_LIMITS = (
    Path("/sys/fs/cgroup/memory.max"),
    Path("/sys/fs/cgroup/memory/memory.limit_in_bytes"),
)


class IndexOutdated(IndexUnavailable):
    """The index on disk was built with another schema: rebuild it with `gongkai reindex`."""


def _schema() -> tantivy.Schema:
    b = tantivy.SchemaBuilder()
    b.add_text_field("key", stored=True, tokenizer_name="raw", index_option="basic")
    for name in ("index_number", "doc_number_keys", "doc_seq", "agency_paths"):
        b.add_text_field(name, tokenizer_name="raw", index_option="basic")
    # "id:name" of the agency, so that facet buckets carry their own labels.
    for name in ("agency", "topic", "genre", "validity", "disclosure", "visibility"):
        b.add_text_field(name, tokenizer_name="raw", index_option="basic", fast=True)
    b.add_text_field("title_exact", tokenizer_name="raw", index_option="basic")
    for name in WEIGHTS:
        b.add_text_field(name, tokenizer_name="whitespace", index_option="position")
        b.add_text_field(_words_field(name), tokenizer_name="whitespace", index_option="freq")
    b.add_unsigned_field("agency_id", indexed=True, fast=True)
    b.add_unsigned_field("year", indexed=True, fast=True)
    b.add_integer_field("day", indexed=True, fast=True)
    b.add_float_field("rank", fast=True)
    b.add_unsigned_field("uid", indexed=True, fast=True)
    b.add_unsigned_field("sample", indexed=True)
    b.add_bytes_field("stored", stored=True)
    return b.build()


# Short fields whose words companion is padded to the field's own token count, so that BM25's
# length normalisation treats a word found there as it treats its phrase: of two titles holding
# the word, the shorter ranks higher. (The body is left unpadded: that would double its tokens,
# and its listed words grow with its length anyway.) The filler is no word character, so never
# a listed word.
_LENGTH_MATCHED = {"title", "summary"}
_FILLER = "·"


def _stamp(path: Path) -> tuple[int, int] | None:
    """When a file was last written, and its size; None while it is missing."""
    try:
        found = path.stat()
    except FileNotFoundError:
        return None
    return found.st_mtime_ns, found.st_size


def _words_field(field: str) -> str:
    return f"{field}_words"


def uid(key: str) -> int:
    """A 64-bit number for a document key: what the re-scoring pass selects documents by."""
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "big")


def rank_weight(document: SearchDocument) -> float:
    """Multiplies the relevance score (as log2(2 + weight)): items still in force count double
    (repealed and expired ones rank below them), and a newer item edges out an older one that
    scores the same."""
    base = 0.0 if document.validity in (Validity.REPEALED, Validity.EXPIRED) else 2.0
    day = document.date
    freshness = 0.0 if day is None else max(0, (day - _EPOCH).days) / 3650 * 0.01
    return base + min(freshness, 0.05)


def _idf(documents: int, frequency: int) -> float:
    """tantivy's BM25 inverse document frequency."""
    return math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5))


def _cheapest_cover(frequencies: list[int]) -> list[int]:
    """The positions to keep of a phrase's bigrams, given how many documents hold each: the
    first, the last, the rarest (it leads the intersection of the postings) and at least one
    of any two neighbours, reading the fewest postings."""
    costs = list(frequencies)
    costs[costs.index(min(costs))] = -1  # cheaper kept than left out, whatever else is kept
    # The best choice up to position i that keeps i, and the one that leaves i out (and so
    # keeps i - 1).
    keep: tuple[int, tuple[int, ...]] = (costs[0], (0,))
    skip: tuple[int, tuple[int, ...]] | None = None
    for i in range(1, len(costs)):
        before = keep if skip is None or keep[0] <= skip[0] else skip
        keep, skip = (before[0] + costs[i], (*before[1], i)), keep
    return list(keep[1])


def _matches_at_most(query: ParsedQuery, rarest: dict[str, dict[str, int]]) -> int:
    """An upper bound on the documents the whole query matches: every clause must match,
    through one of its alternatives, each of whose parts occurs in some field."""
    return min(
        sum(min(sum(rarest[part].values()) for part in term.parts) for term in clause.alternatives)
        for clause in query.clauses
    )


def _ties_by_key(hits: list[Hit]) -> list[Hit]:
    """Equal scores in key order: tantivy breaks ties by where a document sits in the index,
    which a rebuild on several threads changes."""
    return sorted(hits, key=lambda hit: (-hit.score, hit.key))


def _single_part(query: ParsedQuery) -> str | None:
    """The one part of a query of one word with no alternatives, else None."""
    if len(query.clauses) != 1 or len(query.clauses[0].alternatives) != 1:
        return None
    parts = query.clauses[0].alternatives[0].parts
    return parts[0] if len(parts) == 1 else None


def _weights(
    query: ParsedQuery, fields: Iterable[str] = WEIGHTS, scored: bool = True
) -> tuple[dict[str, float], bool]:
    """The field weights of the query's clauses, and whether the known-item title phrase
    still needs a clause of its own."""
    weights = {field: WEIGHTS[field] for field in fields}
    phrase = text.fold(query.title_phrase)
    known_item = scored and len(text.phrase_tokens(phrase)) > 1
    if known_item and "title" in weights and _single_part(query) == phrase:
        # The known-item phrase is then this very part in the title: one scorer weighted with
        # both boosts gives the score two would, in half the work.
        weights["title"] += KNOWN_ITEM_BOOST
        known_item = False
    return weights, known_item


def _title_exact(folded_title: str) -> str:
    return "".join(text.runs(folded_title))


Numbers = tuple[int, int, int, float, int]


def prepare(doc: SearchDocument, words: WordFinder) -> tuple[dict[str, str | list[str]], Numbers]:
    """Everything tantivy needs for one document, as plain data: the text fields, and
    (agency id, year, yyyymmdd, rank weight, uid)."""
    body = text.join_texts([doc.body, doc.attachment_text])
    folded = {"title": doc.title, "summary": doc.summary, "body": body}
    folded = {field: text.fold(value) for field, value in folded.items()}
    day = doc.date
    fields: dict[str, str | list[str]] = {
        "key": doc.key,
        "title_exact": _title_exact(folded["title"]),
        "agency_paths": text.agency_path_prefixes(doc.agency_path),
        "agency": f"{doc.agency_id}:{doc.agency_name}",
        "topic": doc.topic,
        "genre": doc.genre,
        "validity": doc.validity,
        "disclosure": doc.disclosure,
        "visibility": "public" if doc.public else "staff",
    }
    for field, value in folded.items():
        fields[field] = text.bigram_text(value)
        found = words.occurrences(value)
        if field in _LENGTH_MATCHED:
            found += [_FILLER] * (len(fields[field].split()) - len(found))
        fields[_words_field(field)] = " ".join(found)
    if doc.index_number:
        fields["index_number"] = text.index_number_key(doc.index_number)
    if doc.doc_number:
        fields["doc_number_keys"] = text.doc_number_keys(doc.doc_number)
        sequence = text.doc_sequence(doc.doc_number)
        if sequence:
            fields["doc_seq"] = sequence
    stored = {
        "title": doc.title,
        "index_number": doc.index_number,
        "doc_number": doc.doc_number,
        "agency_id": doc.agency_id,
        "agency_name": doc.agency_name,
        "date": day.isoformat() if day else None,
        "topic": doc.topic,
        "genre": doc.genre,
        "validity": doc.validity,
        "disclosure": doc.disclosure,
        "status": doc.status,
        "url": doc.url,
        "summary": doc.summary,
        "body": body,
    }
    fields["stored"] = json.dumps(stored, ensure_ascii=False)
    numbers = (
        doc.agency_id,
        day.year if day else 0,
        int(day.strftime("%Y%m%d")) if day else 0,
        rank_weight(doc),
        uid(doc.key),
    )
    return fields, numbers


def _build(prepared: tuple[dict[str, str | list[str]], Numbers]):
    fields, (agency_id, year, day, rank, number) = prepared
    document = tantivy.Document()
    stored = fields.pop("stored")
    for name, value in fields.items():
        for item in value if isinstance(value, list) else [value]:
            if item != "":
                document.add_text(name, item)
    document.add_unsigned("agency_id", agency_id)
    document.add_unsigned("year", year)
    document.add_integer("day", day)
    document.add_float("rank", rank)
    document.add_unsigned("uid", number)
    document.add_unsigned("sample", number % SAMPLE_BUCKETS)
    document.add_bytes("stored", stored.encode())
    return document


@dataclasses.dataclass(frozen=True)
class _Ranking:
    """A relevance ranking a first pass is asked for: the top `need` of `built`."""

    query: ParsedQuery
    filters: Filters
    built: tantivy.Query
    need: int


@dataclasses.dataclass
class _View:
    """What one call of the backend reads the index through."""

    backend: "TantivyBackend"
    searcher: tantivy.Searcher
    frequencies: dict[tuple[str, str], int] = dataclasses.field(default_factory=dict)


_VIEW: ContextVar[_View | None] = ContextVar("tantivy_view", default=None)


def _current_view(backend: "TantivyBackend") -> _View | None:
    """The view a reading method of `backend` opened further up this call, if any."""
    current = _VIEW.get()
    return current if current is not None and current.backend is backend else None


def _in_one_view(method: Callable) -> Callable:
    """Run a reading method on one searcher, each term's document frequency looked up once.

    A query is built up to three times (ranked, counted, sampled) and its ranking bounded with
    the frequencies of the same terms: at a million documents the repeated lookups were a
    third of a long title query's time. One searcher also keeps those frequencies and the
    scores consistent when a commit lands in the middle of a query."""

    @functools.wraps(method)
    def run(self: "TantivyBackend", *args, **kwargs):
        if _current_view(self) is not None:
            return method(self, *args, **kwargs)
        token = _VIEW.set(_View(self, self.index.searcher()))
        try:
            return method(self, *args, **kwargs)
        finally:
            _VIEW.reset(token)

    return run


def memory_available(cgroup_limits: Iterable[Path] = _CGROUP_LIMITS) -> int:
    """The machine's memory in bytes, or the container's limit when that is lower."""
    found = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    for path in cgroup_limits:
        try:
            limit = path.read_text().strip()
        except OSError:
            continue
        if limit.isdigit():  # "max" when no limit is set
            found = min(found, int(limit))
    return found


def rebuild_heap(threads: int, memory: int) -> int:
    """The indexing buffer of a rebuild on `threads` threads: a third of `memory`, within
    the bounds per thread.

    Each thread holds its documents in its buffer until it is full and written out as a
    segment, so the larger the buffer, the fewer segments a rebuild leaves, and a query looks
    up each of its terms once per segment: a million documents filled about 5 GB and were
    left in two segments (one per thread) instead of the five a 1 GB buffer left, and queries
    answered 14 % faster at the median. tantivy takes memory for the buffer only as documents
    fill it, so a small catalog's rebuild uses little of it.
    """
    return threads * max(_QUEUE_HEAP, min(_MAX_HEAP_PER_THREAD, memory // 3 // threads))


class TantivyBackend:
    """`SearchBackend` over a tantivy index at `path` (created on first use).

    Changes from the queue are written with a small buffer on one thread; a rebuild
    (`add_new`) with a large one (`rebuild_heap`) on every core (up to four), so that it
    makes few segments and leaves nothing to merge.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        writer_heap: int = _QUEUE_HEAP,
        threads: int = 1,
        bulk_heap: int | None = None,
        bulk_threads: int = min(4, os.cpu_count() or 1),
    ):
        self.path = Path(path)
        self.path.mkdir(parents=True, exist_ok=True)
        self.schema = _schema()
        self._index: tantivy.Index | None = None
        self._writer_heap = writer_heap
        self._threads = threads
        self._bulk = (bulk_heap, bulk_threads)
        self._writer: tantivy.IndexWriter | None = None
        self._words: WordFinder | None = None
        self._words_stamp: tuple[int, int] | None = None

    def _outdated(self) -> IndexOutdated:
        return IndexOutdated(
            f"检索索引 {self.path} 的结构与本版本不符，请运行 gongkai reindex 重建"
        )

    def _open(self) -> None:
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
        self._load_words()

    def _load_words(self) -> None:
        path = self.path / WORDS_FILE
        self._words_stamp = _stamp(path)
        self._words = WordFinder.load(path)

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
            writer.add_document(_build(prepare(doc, self.words)))

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
            writer.add_document(_build(prepare(doc, self.words)))
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

    def clear(self) -> None:
        self._writer = None
        self._index = None
        self._words = None
        shutil.rmtree(self.path, ignore_errors=True)
        self.path.mkdir(parents=True, exist_ok=True)

    # -- reading ---------------------------------------------------------------------------

    def _field_query(self, field: str, tokens: list[str]) -> tantivy.Query:
        if len(tokens) == 1:
            token = tokens[0]
            if len(token) == 1:
                # A lone character is the start of a bigram, or a run's last character.
                return tantivy.Query.regex_query(self.schema, field, re.escape(token) + ".?")
            return tantivy.Query.term_query(self.schema, field, token)
        if len(tokens) > 2 and all(len(token) == 2 for token in tokens):
            return self._covering_phrase(field, tokens)
        return tantivy.Query.phrase_query(self.schema, field, tokens)

    def _covering_phrase(self, field: str, tokens: list[str]) -> tantivy.Query:
        """The phrase of one run's bigrams, looked up by fewer of them, scored as the whole.

        Every bigram pins two characters, so the first, the last and one of any two
        neighbours already spell the run, and a phrase's cost is the postings (and
        positions) it reads: the most common bigrams are left out. Bigrams two positions
        apart are adjacent in the text: between runs the stream holds the next run's first
        character alone (see `text.bigram_text`), never a bigram. BM25 scores a phrase by its
        terms' summed idf times a factor of its frequency and the field's length, which are
        the same for both phrases; a boost restores the idf of the bigrams left out."""
        frequencies = [self._doc_freq(field, token) for token in tokens]
        kept = _cheapest_cover(frequencies)
        if 0 in frequencies or len(kept) == len(tokens):
            return tantivy.Query.phrase_query(self.schema, field, tokens)
        documents = self._searcher().num_docs
        whole = sum(_idf(documents, n) for n in frequencies)
        part = sum(_idf(documents, frequencies[i]) for i in kept)
        phrase = tantivy.Query.phrase_query(self.schema, field, [(i, tokens[i]) for i in kept])
        return tantivy.Query.boost_query(phrase, whole / part)

    def _tokens(self, field: str, folded: str) -> tuple[str, list[str]]:
        """Where and what to look up to find `folded` in `field`: the listed word itself in
        the field's words companion, or the phrase of its bigrams in the field."""
        if folded in self.words:
            return _words_field(field), [folded]
        return field, text.phrase_tokens(folded)

    def _substring_query(self, field: str, folded: str) -> tantivy.Query:
        """Documents whose `field` holds `folded`."""
        return self._field_query(*self._tokens(field, folded))

    def _part_query(
        self, part: str, weights: dict[str, float], within: tantivy.Query | None = None
    ) -> tantivy.Query:
        """`part` in any of the weighted fields; only in the documents `within` matches, when
        given, restricted at each field's lookup (see `_total`)."""
        lookups = []
        for field, weight in weights.items():
            found = self._substring_query(field, part)
            if within is not None:
                found = self._within(found, within)
            lookups.append((tantivy.Occur.Should, tantivy.Query.boost_query(found, weight)))
        return tantivy.Query.boolean_query(lookups)

    def _term_query(
        self,
        term: Term,
        weights: dict[str, float] = WEIGHTS,
        within: tantivy.Query | None = None,
    ) -> tantivy.Query:
        parts = [self._part_query(p, weights, within) for p in term.parts if text.runs(p)]
        if len(parts) == 1:
            return parts[0]
        return tantivy.Query.boolean_query([(tantivy.Occur.Must, p) for p in parts])

    def _clause_query(
        self, clause: Clause, weights: dict[str, float], within: tantivy.Query | None = None
    ) -> tantivy.Query:
        alternatives = [self._term_query(term, weights, within) for term in clause.alternatives]
        if len(alternatives) == 1:
            return alternatives[0]
        return tantivy.Query.boolean_query([(tantivy.Occur.Should, a) for a in alternatives])

    def _text_query(
        self,
        query: ParsedQuery,
        fields: Iterable[str] = WEIGHTS,
        occur: tantivy.Occur = tantivy.Occur.Must,
        scored: bool = True,
        within: tantivy.Query | None = None,
    ) -> tantivy.Query | None:
        """Every clause must match somewhere (`occur` Should: any clause may, which is how the
        title pass finds its candidates), plus, when `scored`, the known-item boosts (which
        change the order, never the matches). `within`: see `_part_query`."""
        if not query.clauses:
            return None
        weights, known_item = _weights(query, fields, scored)
        occurs = [(occur, self._clause_query(c, weights, within)) for c in query.clauses]
        if scored:
            occurs += [(tantivy.Occur.Should, q) for q in self._title_boosts(query, known_item)]
        return tantivy.Query.boolean_query(occurs)

    def _title_boosts(self, query: ParsedQuery, known_item: bool) -> list[tantivy.Query]:
        """What lifts the item whose title the query is, or holds as a phrase (`known_item`,
        see `_weights`): it changes the order, never the matches."""
        phrase = text.fold(query.title_phrase)
        found = []
        if known_item:
            in_title = self._substring_query("title", phrase)
            found.append(tantivy.Query.boost_query(in_title, KNOWN_ITEM_BOOST))
        exact = _title_exact(phrase)
        if exact:
            title_is = tantivy.Query.term_query(self.schema, "title_exact", exact)
            found.append(tantivy.Query.const_score_query(title_is, EXACT_TITLE_BOOST))
        return found

    def _exact_queries(self, query: ParsedQuery) -> list[tantivy.Query]:
        found = []
        if query.doc_number_key:
            found.append(
                tantivy.Query.term_query(self.schema, "doc_number_keys", query.doc_number_key)
            )
        if query.index_number:
            found.append(tantivy.Query.term_query(self.schema, "index_number", query.index_number))
        if query.bare_sequence:
            found.append(tantivy.Query.term_query(self.schema, "doc_seq", query.bare_sequence))
        return [tantivy.Query.const_score_query(q, DOC_NUMBER_BOOST) for q in found]

    def _filter_queries(self, filters: Filters) -> list[tantivy.Query]:
        schema, found = self.schema, []
        term = tantivy.Query.term_query
        if filters.agency_path:
            found.append(term(schema, "agency_paths", filters.agency_path))
        for name in ("topic", "genre", "validity", "disclosure"):
            value = getattr(filters, name)
            if value:
                found.append(term(schema, name, value))
        if filters.year:
            found.append(term(schema, "year", filters.year))
        if filters.date_from or filters.date_to:
            low = int(filters.date_from.strftime("%Y%m%d")) if filters.date_from else None
            high = int(filters.date_to.strftime("%Y%m%d")) if filters.date_to else None
            found.append(
                tantivy.Query.range_query(schema, "day", tantivy.FieldType.Integer, low, high)
            )
        return found

    def _hidden(self, filters: Filters) -> tantivy.Query | None:
        """The documents the searcher may not see: unpublished ones, but for the drafts of
        the agencies a staff member works for. Excluded rather than the visible ones
        required, because drafts are few: leaving out a short posting list is nearly free,
        where requiring the list of every published document costs a lookup per match."""
        term = tantivy.Query.term_query
        unpublished = term(self.schema, "visibility", "staff")
        if filters.public_only:
            return unpublished
        if filters.all_drafts:
            return None
        own = [term(self.schema, "agency_id", i) for i in sorted(filters.draft_agency_ids)]
        own += [term(self.schema, "agency_paths", p) for p in sorted(filters.draft_agency_paths)]
        return tantivy.Query.boolean_query(
            [(tantivy.Occur.Must, unpublished)] + [(tantivy.Occur.MustNot, q) for q in own]
        )

    def _restricted(
        self, matcher: tantivy.Query, query: ParsedQuery, filters: Filters
    ) -> tantivy.Query:
        """`matcher` within the filters, without the excluded terms and what is hidden."""
        occurs = [(tantivy.Occur.Must, matcher)]
        occurs += [
            (tantivy.Occur.Must, tantivy.Query.const_score_query(f, 0.0))
            for f in self._filter_queries(filters)
        ]
        occurs += [
            (tantivy.Occur.MustNot, self._term_query(term))
            for term in query.excludes
            if any(text.runs(p) for p in term.parts)
        ]
        hidden = self._hidden(filters)
        if hidden is not None:
            occurs.append((tantivy.Occur.MustNot, hidden))
        return tantivy.Query.boolean_query(occurs)

    @staticmethod
    def _within(query: tantivy.Query, selection: tantivy.Query) -> tantivy.Query:
        """The documents of `query` that `selection` also matches, scored by `query` alone."""
        return tantivy.Query.boolean_query(
            [
                (tantivy.Occur.Must, query),
                (tantivy.Occur.Must, tantivy.Query.const_score_query(selection, 0.0)),
            ]
        )

    def build(
        self, query: ParsedQuery, filters: Filters, *, scored: bool = True, sampled: bool = False
    ) -> tantivy.Query | None:
        """The tantivy query for a parsed query and filters; None when nothing can match.
        Unless `scored`, without the parts that only rank (what counting needs); when
        `sampled`, only in the sample bucket (see `_total`)."""
        sample = tantivy.Query.term_query(self.schema, "sample", 0) if sampled else None
        matchers = self._exact_queries(query)
        if sample is not None:
            matchers = [self._within(m, sample) for m in matchers]
        text_query = self._text_query(query, scored=scored, within=sample)
        if text_query is not None:
            matchers.append(text_query)
        if not matchers:
            if not query.match_all:
                return None
            matchers.append(sample or tantivy.Query.all_query())
        matcher = (
            matchers[0]
            if len(matchers) == 1
            else tantivy.Query.boolean_query([(tantivy.Occur.Should, m) for m in matchers])
        )
        return self._restricted(matcher, query, filters)

    def _view(self) -> _View:
        return _current_view(self) or _View(self, self.index.searcher())

    def _searcher(self) -> tantivy.Searcher:
        return self._view().searcher

    def _doc_freq(self, field: str, token: str) -> int:
        view = self._view()
        key = (field, token)
        if key not in view.frequencies:
            view.frequencies[key] = view.searcher.doc_freq(field, token)
        return view.frequencies[key]

    def refresh(self) -> None:
        """See commits made by other processes: the sync worker's, and a rebuild's, which may
        have come with another word list."""
        self.index.reload()
        stamp = _stamp(self.path / WORDS_FILE)
        if stamp is not None and stamp != self._words_stamp:
            self._load_words()

    @_in_one_view
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
        built = self.build(query, filters)
        if built is None:
            return Results(total=0, hits=[])
        searcher = self._searcher()
        ranked = None
        if sort == "relevance" and offset + limit <= HEAD_DEPTH // 2:
            asked = _Ranking(query, filters, built, offset + limit)
            ranked = self._ranked_head_first(asked)
        if ranked is not None:
            hits = _ties_by_key([self._hit(searcher, s, a) for s, a in ranked[offset:]])
            if not count:
                return Results(total=len(hits) + offset, hits=hits)
            total, approximate = self._total(query, filters)
            return Results(total=total, hits=hits, approximate=approximate)
        # Every match is visited anyway: counting them in the same pass costs next to nothing.
        order = {"order_by_field": "day"} if sort == "date" else {"weight_by_field": "rank"}
        result = searcher.search(built, limit, count=count, offset=offset, **order)
        hits = [self._hit(searcher, score, address) for score, address in result.hits]
        if sort != "date":
            hits = _ties_by_key(hits)
        total = result.count if count and result.count is not None else len(hits) + offset
        return Results(total=total, hits=hits)

    def _total(self, query: ParsedQuery, filters: Filters) -> tuple[int, bool]:
        """The number of documents the query matches, and whether it is an estimate.

        Counting every match of a common term at a million documents takes longer than ranking
        them; a large total is estimated from the sample bucket instead (a relative error of
        about 1/√(sampled matches): under 16 % from the smallest sample used, 1 % for common
        terms). Smaller totals are counted exactly.

        The sample is required at each field lookup, not around the whole query: a posting
        list is skipped through to the next sampled document cheaply, where a union of the
        fields' lists is walked document by document (2.5 to 3 times slower at a million).
        """
        searcher = self._searcher()
        sampled_matcher = self.build(query, filters, scored=False, sampled=True)
        if sampled_matcher is None:
            return 0, False
        sampled = searcher.search(sampled_matcher, 1, count=True).count
        if sampled >= SAMPLE_MIN:
            return sampled * SAMPLE_BUCKETS, True
        return searcher.search(self.build(query, filters, scored=False), 1, count=True).count, False

    def _ranked_head_first(self, asked: _Ranking) -> list | None:
        """The top `need` (score, address) pairs found without scoring every match, or None
        when that cannot be shown to give the same ranking as scoring them all.

        Ranking a common term by scoring each of its hundreds of thousands of body matches is
        what makes such a query slow. Instead, a first pass picks at most `HEAD_DEPTH`
        candidates cheaply, they are re-scored with the whole query, and that ranking is kept
        only if no other document can beat it. There are two such passes, tried in turn:
        `_ranked_by_titles`, then `_ranked_by_terms`.
        """
        query = asked.query
        if not query.clauses or query.doc_number_key or query.index_number or query.bare_sequence:
            return None
        rarest = self._rarest_per_field(query)
        if _matches_at_most(query, rarest) < FEW_MATCHES:
            return None  # scoring every match is cheap enough
        ranked = self._ranked_by_titles(asked, rarest)
        if ranked is None:
            ranked = self._ranked_by_terms(asked)
        return ranked

    def _ranked_by_terms(self, asked: _Ranking) -> list | None:
        """The first pass for a query of one word that is one term in every field (a listed
        word, or two characters).

        tantivy skips the blocks of postings that cannot reach its top k (block-max WAND) only
        for a plain disjunction of term queries: no filter, no rank multiplier, no
        constant-score clause. So rank the word's weighted field terms alone that way; any
        document outside their top `HEAD_DEPTH` scores at most the last of them times the
        largest rank multiplier. The known-item boosts, which the disjunction leaves out, are
        added by re-scoring the documents that earn them (a title that is the query, or holds
        it as a phrase) with the candidates.

        (Queries of several words were tried too, as the disjunction of all their terms: at
        a million documents the pass mostly held, but ranking the union of two common words
        cost more than scoring their intersection in full.)
        """
        part = _single_part(asked.query)
        if part is None or self._filter_queries(asked.filters):
            return None  # a filter (visibility aside) is no plain disjunction of terms
        weights, known_item = _weights(asked.query)
        for field in weights:
            _, tokens = self._tokens(field, part)
            if len(tokens) != 1 or len(tokens[0]) < 2:
                return None  # a phrase, or a lone character's regex: no block skipping
        ranked = self._searcher().search(self._part_query(part, weights), HEAD_DEPTH, count=False)
        hits = ranked.hits
        ceiling = hits[-1][0] * _MAX_RANK_FACTOR * _FLOAT_SLACK if len(hits) == HEAD_DEPTH else 0.0
        also = self._title_boosts(asked.query, known_item)
        return self._rescored_above(asked, hits, ceiling, also)

    def _ranked_by_titles(self, asked: _Ranking, rarest: dict[str, dict[str, int]]) -> list | None:
        """The first pass over the documents that match in the title or summary (few, and
        cheap to score there): one outside it scores at most the pass's lowest score plus the
        most the body can add (BM25 per term is below idf × (K1 + 1))."""
        query = asked.query
        in_titles = sum(
            rarest[part]["title"]
            for clause in query.clauses
            for term in clause.alternatives
            for part in term.parts
        )
        if in_titles > HEAD_CANDIDATES:
            return None  # scoring that many titles costs what scoring everything does
        head_text = self._text_query(query, HEAD_FIELDS, tantivy.Occur.Should)
        if head_text is None:
            return None
        searcher = self._searcher()
        head = searcher.search(
            self._restricted(head_text, query, asked.filters),
            HEAD_DEPTH,
            count=False,
            weight_by_field="rank",
        ).hits
        if len(head) < asked.need:
            return None
        floor = head[-1][0] if len(head) == HEAD_DEPTH else 0.0
        return self._rescored_above(asked, head, floor + self._body_bound(query))

    def _rescored_above(
        self,
        asked: _Ranking,
        candidates: list,
        ceiling: float,
        also: Iterable[tantivy.Query] = (),
    ) -> list | None:
        """The top `need` of `built` among the (score, address) `candidates` and the documents
        `also` matches, re-scored in full; None unless every one of them scores above
        `ceiling`, the most any other document can."""
        searcher = self._searcher()
        uids = searcher.fast_field_values("uid", [address for _, address in candidates])
        # Each a direct term lookup: a term-set query walks the term dictionary, 5 ms at a
        # million documents against 0.4 ms.
        chosen = [tantivy.Query.term_query(self.schema, "uid", u) for u in uids] + list(also)
        if not chosen:
            return None
        selection = tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in chosen])
        rescored = searcher.search(
            self._within(asked.built, selection), asked.need, count=False, weight_by_field="rank"
        ).hits
        if len(rescored) < asked.need or rescored[-1][0] <= ceiling:
            return None
        return rescored

    def _rarest_per_field(self, query: ParsedQuery) -> dict[str, dict[str, int]]:
        """For each part, at most how many documents contain it in each text field: a listed
        word's own count there, or its rarest bigram's (every document for a lone character:
        a regex)."""
        found: dict[str, dict[str, int]] = {}
        for clause in query.clauses:
            for term in clause.alternatives:
                for part in term.parts:
                    if part in found or not text.runs(part):
                        found.setdefault(part, dict.fromkeys(WEIGHTS, 0))
                        continue
                    found[part] = {}
                    for field in WEIGHTS:
                        name, tokens = self._tokens(field, part)
                        found[part][field] = min(
                            (self._doc_freq(name, t) for t in tokens if len(t) > 1),
                            default=self._searcher().num_docs,
                        )
        return found

    def _body_bound(self, query: ParsedQuery) -> float:
        """The most the body field can add to any document's weighted score for `query`."""
        documents = self._searcher().num_docs
        bound = 0.0
        for clause in query.clauses:
            for term in clause.alternatives:
                for part in term.parts:
                    if not text.runs(part):
                        continue
                    name, tokens = self._tokens("body", part)
                    if len(tokens) == 1 and len(tokens[0]) == 1:
                        bound += 1.0  # a lone character is a regex query: constant score 1
                        continue
                    frequencies = [self._doc_freq(name, token) for token in tokens]
                    if 0 in frequencies:
                        continue  # the phrase cannot occur in any body
                    bound += (_K1 + 1) * sum(_idf(documents, n) for n in frequencies)
        return bound * WEIGHTS["body"] * _MAX_RANK_FACTOR * _BOUND_SAFETY

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
            summary=data["summary"],
            body=data["body"],
        )

    @_in_one_view
    def count(self, query: ParsedQuery, filters: Filters) -> int:
        """The number of matches, estimated when large (see `_total`)."""
        return self._total(query, filters)[0]

    @_in_one_view
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
        matcher = self.build(query, filters, scored=False, sampled=sampled)
        names = [n for n in names if n in FACET_FIELDS]
        if matcher is None or not names:
            return {n: [] for n in names}
        spec = {
            name: {"terms": {"field": FACET_FIELDS[name], "size": FACET_SIZE}} for name in names
        }
        scale = SAMPLE_BUCKETS if sampled else 1
        answer = self._searcher().aggregate(matcher, spec)
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
