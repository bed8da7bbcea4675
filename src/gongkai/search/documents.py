"""What search indexes: one `SearchDocument` per public page (a catalog item, an annual report,
an agency's guide), and sources that yield them.

The search app imports none of those apps: each turns its records into `SearchDocument`s (or
their `to_dict()` form, for the change queue) and offers a `DocumentSource` for full rebuilds.
"""

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from django.conf import settings
from django.utils.module_loading import import_string


class Status:
    """Where an item is in its life; only PUBLISHED is visible to the public."""

    DRAFT = "draft"
    PUBLISHED = "published"
    REVOKED = "revoked"


class Kind:
    """What a document is, shown as its 类型 and offered as a facet."""

    ITEM = "item"
    REPORT = "report"
    GUIDE = "guide"


KIND_LABELS = {Kind.ITEM: "政府信息", Kind.REPORT: "年度报告", Kind.GUIDE: "公开指南"}


class Validity:
    """有效性 of a normative document (the catalog's values); only VALID ranks as current."""

    VALID = "valid"
    EXPIRED = "expired"
    REPEALED = "repealed"
    NOT_APPLICABLE = ""


VALIDITY_LABELS = {Validity.VALID: "有效", Validity.EXPIRED: "失效", Validity.REPEALED: "废止"}
# The 公开属性 a search may be narrowed to. 不予公开 is left out: such information is not
# public (Art. 14–16), and offering it as a filter would suggest the portal holds some.
DISCLOSURE_LABELS = {"proactive": "主动公开", "on_application": "依申请公开"}


@dataclass(frozen=True)
class SearchDocument:
    """One public page as search sees it. `key` is stable across versions of what it shows."""

    key: str
    title: str
    agency_id: int
    agency_path: str
    agency_name: str
    index_number: str = ""
    doc_number: str = ""
    issued_on: date | None = None
    published_on: date | None = None
    topic: str = ""
    genre: str = ""
    validity: str = Validity.NOT_APPLICABLE
    disclosure: str = ""
    summary: str = ""
    body: str = ""
    attachment_text: str = ""
    status: str = Status.PUBLISHED
    # An item replaced by a newer version stays in the catalog but not in public results.
    is_current: bool = True
    url: str = ""
    kind: str = Kind.ITEM
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def public(self) -> bool:
        return self.status == Status.PUBLISHED and self.is_current

    @property
    def date(self) -> date | None:
        return self.issued_on or self.published_on

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        for name in ("issued_on", "published_on"):
            data[name] = data[name].isoformat() if data[name] else None
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "SearchDocument":
        known = {f.name for f in dataclasses.fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        for name in ("issued_on", "published_on"):
            if values.get(name):
                values[name] = date.fromisoformat(values[name])
        return cls(**values)


class DocumentSource(Protocol):
    """Everything that should be in the index, for `gongkai reindex`."""

    def count(self) -> int: ...

    def documents(self) -> Iterator[SearchDocument]: ...


class ListedSource:
    """A `DocumentSource` over documents already made (benchmarks, tests)."""

    def __init__(self, documents: list[SearchDocument]) -> None:
        self._documents = documents

    def count(self) -> int:
        return len(self._documents)

    def documents(self) -> Iterator[SearchDocument]:
        return iter(self._documents)


def configured_source() -> DocumentSource:
    """The source named by the GONGKAI_SEARCH_SOURCE setting (a dotted path to a class)."""
    return import_string(settings.GONGKAI_SEARCH_SOURCE)()
