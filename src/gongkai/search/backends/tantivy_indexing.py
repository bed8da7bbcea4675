"""Turning a `SearchDocument` into a tantivy document, and sizing a rebuild's buffer.

`prepare` does the costly part (folding, bigrams, frequent words) as plain data, so that it can
run apart from tantivy; `build_document` only copies that data into a tantivy document.
"""

import hashlib
import json
import math
import os
from collections.abc import Iterable
from datetime import date
from pathlib import Path

import tantivy

from .. import text
from ..documents import SearchDocument, Validity
from ..words import WordFinder
from .tantivy_schema import FILLER, LENGTH_MATCHED, SAMPLE_BUCKETS, title_exact, words_field

_EPOCH = date(2000, 1, 1)
# The largest rank multiplier, log2(2 + weight) for an item in force dated today or later
# (see `rank_weight`).
MAX_RANK_FACTOR = math.log2(2 + 2.05)
# The change queue's indexing buffer (its writes are small), and the least a rebuild's writer
# thread gets; at most tantivy's limit per thread (it addresses the buffer with 32 bits).
QUEUE_HEAP = 64_000_000
_MAX_HEAP_PER_THREAD = 4_000_000_000
# Where a container's memory limit is found: cgroup v2, then v1.
_CGROUP_LIMITS = (
    Path("/sys/fs/cgroup/memory.max"),
    Path("/sys/fs/cgroup/memory/memory.limit_in_bytes"),
)


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
        "title_exact": title_exact(folded["title"]),
        "agency_paths": text.agency_path_prefixes(doc.agency_path),
        "agency": f"{doc.agency_id}:{doc.agency_name}",
        "topic": doc.topic,
        "genre": doc.genre,
        "validity": doc.validity,
        "disclosure": doc.disclosure,
        "visibility": "public" if doc.public else "staff",
        "kind": doc.kind,
    }
    for field, value in folded.items():
        fields[field] = text.bigram_text(value)
        found = words.occurrences(value)
        if field in LENGTH_MATCHED:
            found += [FILLER] * (len(fields[field].split()) - len(found))
        fields[words_field(field)] = " ".join(found)
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
        "kind": doc.kind,
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


def build_document(prepared: tuple[dict[str, str | list[str]], Numbers]) -> tantivy.Document:
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
    return threads * max(QUEUE_HEAP, min(_MAX_HEAP_PER_THREAD, memory // 3 // threads))
