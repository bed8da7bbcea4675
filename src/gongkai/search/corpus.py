"""The shared corpus of real government texts as a `DocumentSource`, for benchmarks and tests.

The file sits beside the repository (`../shared/corpus/government-texts.jsonl.xz`) unless the
GONGKAI_CORPUS_PATH setting names another place. Its agencies become a flat set of synthetic
agencies (ids from 1 in order of name) under one root path.
"""

import json
import lzma
from collections.abc import Iterator
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings

from .documents import SearchDocument, Status, Validity

GENRES = {
    "lawrefbook": "法律法规",
    "mojlaw": "台湾地区法规",
    "govcn": "国务院文件",
    "provreport": "政府工作报告",
}
ROOT_PATH = "/0000000000/"


def corpus_path() -> Path:
    return Path(settings.GONGKAI_CORPUS_PATH)


@cache
def _records(path: Path) -> tuple[dict[str, Any], ...]:
    with lzma.open(path, "rt", encoding="utf-8") as handle:
        return tuple(json.loads(line) for line in handle)


def records() -> tuple[dict[str, Any], ...]:
    """Every corpus record in file order (read once per process)."""
    return _records(corpus_path())


def agency_ids(rows: tuple[dict[str, Any], ...]) -> dict[str, int]:
    return {name: i for i, name in enumerate(sorted({r["agency"] for r in rows}), start=1)}


def _topic(row: dict[str, Any]) -> str:
    parts = [p for p in row.get("cat", "").split("＞") if p]
    if row["src"] == "lawrefbook" and parts == ["DLC"]:
        return "地方性法规"
    return parts[-1] if parts else ""


def is_repealed(row: dict[str, Any]) -> bool:
    return row.get("cat", "").startswith("廢止法規")


def issued_on(row: dict[str, Any]) -> date | None:
    """The record's date, or None where it has none or it is not an ISO date."""
    try:
        return date.fromisoformat(row["date"]) if row.get("date") else None
    except ValueError:
        return None


def to_document(number: int, row: dict[str, Any], agencies: dict[str, int]) -> SearchDocument:
    """The corpus record at line `number` as a published search document."""
    agency_id = agencies[row["agency"]]
    issued = issued_on(row)
    return SearchDocument(
        key=f"corpus:{number}",
        title=row["title"],
        index_number=row.get("index_no", ""),
        doc_number=row.get("doc_no", ""),
        agency_id=agency_id,
        agency_path=f"{ROOT_PATH}{agency_id:010d}/",
        agency_name=row["agency"],
        issued_on=issued,
        topic=_topic(row),
        genre=GENRES.get(row["src"], row["src"]),
        validity=Validity.REPEALED if is_repealed(row) else Validity.VALID,
        disclosure="proactive",
        body=row["body"],
        status=Status.PUBLISHED,
    )


class CorpusSource:
    """The corpus, every record a published item."""

    def count(self) -> int:
        return len(records())

    def documents(self) -> Iterator[SearchDocument]:
        rows = records()
        agencies = agency_ids(rows)
        for number, row in enumerate(rows):
            yield to_document(number, row, agencies)
