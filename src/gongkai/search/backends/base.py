"""The search backend interface: what the service needs from an index, whatever engine runs it."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from ..documents import Kind, SearchDocument
from ..query import ParsedQuery


class IndexUnavailable(RuntimeError):
    """The index cannot answer: built by another version, say. str() tells the operator what
    to do; readers are told only that search is unavailable for now."""


@dataclass(frozen=True)
class Filters:
    """Restrictions that do not affect ranking. Visibility is always set by the service."""

    agency_path: str = ""
    topic: str = ""
    genre: str = ""
    year: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    validity: str = ""
    disclosure: str = ""
    kind: str = ""
    public_only: bool = True
    # Staff may also see unpublished items of these agencies (ids) and subtrees (paths).
    draft_agency_ids: frozenset[int] = frozenset()
    draft_agency_paths: frozenset[str] = frozenset()
    all_drafts: bool = False


@dataclass(frozen=True)
class Hit:
    key: str
    score: float
    title: str
    index_number: str
    doc_number: str
    agency_id: int
    agency_name: str
    date: date | None
    topic: str
    genre: str
    validity: str
    disclosure: str
    status: str
    url: str
    summary: str
    body: str
    kind: str = Kind.ITEM


@dataclass
class Results:
    total: int
    hits: list[Hit]
    # True when `total` is estimated (large result sets are not counted one by one).
    approximate: bool = False
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)


class SearchBackend(Protocol):
    """An index of `SearchDocument`s. Writes become visible after `commit`.

    A rebuild never empties the live index: it fills another beside it (`beside`, then
    `add_new`) and makes that one live at once (`swap_in`), or drops it (`discard`).
    """

    def upsert(self, documents: Iterable[SearchDocument]) -> None: ...

    def add_new(self, documents: Iterable[SearchDocument]) -> int: ...

    def delete(self, keys: Iterable[str]) -> None: ...

    def commit(self) -> None: ...

    def rollback(self) -> None: ...

    def refresh(self) -> None: ...

    def beside(self) -> "SearchBackend": ...

    def swap_in(self, built: "SearchBackend") -> None: ...

    def discard(self) -> None: ...

    def public_documents(self) -> int: ...

    def search(
        self,
        query: ParsedQuery,
        filters: Filters,
        *,
        sort: str = "relevance",
        offset: int = 0,
        limit: int = 10,
    ) -> Results: ...

    def count(self, query: ParsedQuery, filters: Filters) -> int: ...

    def facets(
        self,
        query: ParsedQuery,
        filters: Filters,
        names: Iterable[str],
        *,
        sampled: bool = False,
    ) -> dict[str, list[tuple[str, int]]]: ...
