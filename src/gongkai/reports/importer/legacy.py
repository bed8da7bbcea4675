"""Read pre-2019 local statistics tables: indicator rows with a unit, against period columns.

These tables had no national layout (ogi-spec §4), so they are kept as found: each row keeps its
section, label, unit and one value per period column (历年累计数, 2011年度数, 同比增减(%) …).
Flattened pages put one cell per line ending in 「|」; real grids come from HTML and DOCX.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..formats import LEGACY
from .cells import BLANK_MARKS, parse_amount
from .documents import Document, Grid, distinct_cells
from .text import loose

_INDICATOR = re.compile(loose(LEGACY.indicator_header))
_UNIT = re.compile(loose(LEGACY.unit_header))
_PERIOD = re.compile("|".join(loose(header) for header in LEGACY.period_headers) + r"|\d{4}年")
_SECTION = re.compile(r"^[一二三四五六七八九十]+[、,.]")


@dataclass
class LegacyRow:
    section: str
    label: str
    unit: str
    values: dict[str, Decimal | None]

    def as_json(self) -> dict[str, Any]:
        return {
            "section": self.section,
            "label": self.label,
            "unit": self.unit,
            "values": {column: _number(value) for column, value in self.values.items()},
        }


@dataclass
class LegacyTable:
    title: str = ""
    rows: list[LegacyRow] = field(default_factory=list)

    def value(self, label: str, column_prefix: str) -> Decimal | None:
        """The value of the first row whose label contains `label`, in the first matching column."""
        for row in self.rows:
            if label in row.label:
                for column, value in row.values.items():
                    if column.startswith(column_prefix):
                        return value
        return None


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _value(cell: str) -> Decimal | None:
    text = cell.strip().rstrip("%")
    return None if text in BLANK_MARKS else parse_amount(text)


def _is_header(cell: str) -> bool:
    return bool(_INDICATOR.search(cell) or _UNIT.fullmatch(cell) or _PERIOD.search(cell))


def _rows_from_cells(section: str, header: list[str], cells: list[str]) -> list[LegacyRow]:
    width = len(header)
    unit_at = next((i for i, name in enumerate(header) if _UNIT.fullmatch(name)), None)
    rows = []
    for start in range(0, len(cells) - width + 1, width):
        chunk = cells[start : start + width]
        values = {
            name: _value(cell)
            for index, (name, cell) in enumerate(zip(header, chunk, strict=True))
            if index not in (0, unit_at)
        }
        unit = chunk[unit_at] if unit_at is not None else ""
        rows.append(LegacyRow(section, chunk[0], unit, values))
    return rows


def _from_grid(grid: Grid, title: str) -> LegacyTable | None:
    table = LegacyTable(title)
    header: list[str] = []
    section = ""
    for grid_row in grid:
        row = distinct_cells(grid_row)
        if row and _INDICATOR.search(row[0]):
            header = row
            continue
        if row and _SECTION.match(row[0]) and not any(row[1:]):
            section = row[0]
            continue
        if header and len(row) == len(header):
            table.rows.extend(_rows_from_cells(section, header, row))
    return table if table.rows else None


def _from_text(lines: list[str]) -> LegacyTable | None:
    table = LegacyTable()
    section = ""
    header: list[str] = []
    cells: list[str] = []
    in_header = False

    def flush() -> None:
        if header and cells:
            table.rows.extend(_rows_from_cells(section, header, cells))
        cells.clear()

    for line in lines:
        if "|" not in line:
            flush()
            if _SECTION.match(line):
                section = line
            elif re.search(r"统计表|情况表", line) and not table.title:
                table.title = line
            continue
        parts = [part.strip() for part in line.split("|")]
        if line.rstrip().endswith("|"):
            parts = parts[:-1]
        for cell in parts:
            if _INDICATOR.search(cell):
                flush()
                header, in_header = [cell], True
            elif in_header and _is_header(cell):
                header.append(cell)
            else:
                in_header = False
                if header:
                    cells.append(cell)
    flush()
    return table if table.rows else None


def read_legacy(document: Document) -> LegacyTable | None:
    """The pre-2019 statistics table of a report, if it has one."""
    title = next((line for line in document.lines if re.search(r"统计表|情况表", line)), "")
    for grid in document.grids:
        table = _from_grid(grid, title)
        if table is not None:
            return table
    if not _INDICATOR.search(document.text):
        return None
    return _from_text(document.lines)
