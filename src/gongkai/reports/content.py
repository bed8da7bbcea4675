"""The canonical content of a report (what is published, frozen and hashed) as plain JSON data.

Every export reads a `ReportContent`, so the portal page, DOCX, PDF and XLSX carry the same
numbers; the published version is this content stored once and hashed with SHA-256 over its
canonical JSON (keys sorted, no insignificant whitespace, UTF-8).
"""

import hashlib
import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .figures import DOCUMENT_KEYS, Figures, Table2, empty_table3, empty_table4
from .formats import FORMAT_2019, FORMAT_2019_SPEC, FORMAT_2021_SPEC, ReportFormat


@dataclass
class ReportContent:
    agency: str
    year: int
    format_code: str
    overview: str
    problems: str
    other_matters: str
    figures: Figures
    proactive_items: int | None = None
    # Cell name → reason, for cells corrected by hand.
    overrides: dict[str, str] = field(default_factory=dict)
    # Year → headline figures of earlier years, for the charts.
    history: list[dict[str, Any]] = field(default_factory=list)

    @property
    def spec(self) -> ReportFormat:
        return FORMAT_2019_SPEC if self.format_code == FORMAT_2019 else FORMAT_2021_SPEC

    @property
    def override_notes(self) -> list[tuple[str, str]]:
        """The corrections by hand, each cell named as the printed table names it."""
        return [(self.spec.cell_label(cell), reason) for cell, reason in self.overrides.items()]

    @property
    def title(self) -> str:
        return f"{self.agency}{self.year}年政府信息公开工作年度报告"

    def as_json(self) -> dict[str, Any]:
        return {
            "agency": self.agency,
            "year": self.year,
            "format": self.format_code,
            "sections": {
                "overview": self.overview,
                "problems": self.problems,
                "other_matters": self.other_matters,
            },
            "figures": figures_json(self.figures),
            "proactive_items": self.proactive_items,
            "overrides": dict(sorted(self.overrides.items())),
            "history": self.history,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "ReportContent":
        sections = data.get("sections", {})
        return cls(
            agency=data["agency"],
            year=data["year"],
            format_code=data["format"],
            overview=sections.get("overview", ""),
            problems=sections.get("problems", ""),
            other_matters=sections.get("other_matters", ""),
            figures=figures_from_json(data.get("figures", {})),
            proactive_items=data.get("proactive_items"),
            overrides=data.get("overrides", {}),
            history=data.get("history", []),
        )


def figures_json(figures: Figures) -> dict[str, Any]:
    """Figures as JSON, the fee amount kept as a decimal string so no digit is lost."""
    data = figures.as_json()
    fees = figures.table2.fees
    data["table2"]["fees"] = None if fees is None else str(fees)
    return data


def figures_from_json(data: dict[str, Any]) -> Figures:
    figures = Figures()
    table2 = data.get("table2") or {}
    fees = table2.get("fees")
    # Rebuilt in the format's key order: PostgreSQL's jsonb does not keep the order keys had.
    figures.table2 = Table2(
        regulations=_documents(table2.get("regulations")),
        normative_documents=_documents(table2.get("normative_documents")),
        licensing=table2.get("licensing"),
        punishment=table2.get("punishment"),
        coercion=table2.get("coercion"),
        fees=None if fees is None else Decimal(str(fees)),
    )
    figures.table3 = empty_table3()
    for row, cells in (data.get("table3") or {}).items():
        figures.table3.setdefault(row, {}).update(cells)
    figures.table4 = empty_table4()
    for group, cells in (data.get("table4") or {}).items():
        figures.table4.setdefault(group, {}).update(cells)
    return figures


def _documents(cells: dict[str, Any] | None) -> dict[str, Any]:
    return {key: (cells or {}).get(key) for key in DOCUMENT_KEYS}


def canonical_bytes(content: dict[str, Any]) -> bytes:
    return json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode(
        "utf-8"
    )


def content_hash(content: dict[str, Any]) -> str:
    return hashlib.sha256(canonical_bytes(content)).hexdigest()
