"""Compute an annual report's tables from the records, with the records behind every cell.

`compose` is pure: it turns the id lists of `sources.py`, the figures staff enter for table 2
and any recorded overrides into `Figures`, a cell → records trace and the failing checks.
Totals are sums of the cells they total, so the table identities hold by construction; only an
override can break one, and then the check says so.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from decimal import Decimal

from django.db.models import Q

from gongkai.agencies.models import Agency, AgencyKind

from . import sources
from .figures import (
    DOCUMENT_KEYS,
    TABLE3_COLUMN_KEYS,
    TABLE3_ROW_KEYS,
    TABLE4_COLUMN_KEYS,
    TABLE4_GROUP_KEYS,
    Figures,
    Table2,
)
from .formats import FORMAT_2019, FORMAT_2021, TABLE3_RESULT_KEYS, format_for_year
from .validate import Inconsistency, check_table3, check_table4

# The three 其他处理 rows of 2021 are one row in the 2019/2020 trial format (ogi-spec §3.4).
_FOLDED_IN_2019 = ("other_no_correction", "other_no_fee")
APPLICANT_KEYS = TABLE3_COLUMN_KEYS[:-1]
TABLE4_PARTS = TABLE4_COLUMN_KEYS[:-1]


@dataclass(frozen=True)
class Entered:
    """Table 2 figures the system does not hold records for, as staff entered them."""

    licensing: int | None = None
    punishment: int | None = None
    coercion: int | None = None
    fees: Decimal | None = None  # 万元


_ENTERED_FIELDS = tuple(f.name for f in fields(Entered))


@dataclass(frozen=True)
class Trace:
    """The records one cell counts."""

    kind: str
    ids: tuple[int, ...]


@dataclass
class Built:
    format_code: str
    figures: Figures
    trace: dict[str, Trace] = field(default_factory=dict)
    proactive_items: int = 0
    overridden: dict[str, int | Decimal] = field(default_factory=dict)

    @property
    def inconsistencies(self) -> list[Inconsistency]:
        return check_table3(self.figures.table3, self.format_code) + check_table4(
            self.figures.table4
        )


def cell_key(table: str, row: str, column: str = "") -> str:
    """The name of a cell, e.g. "t3.granted.natural_person", "t2.licensing"."""
    return ".".join(part for part in (table, row, column) if part)


def format_code_for(year: int) -> str:
    spec = format_for_year(year)
    # Before 2019 there was no national layout; a report built now uses the trial layout.
    return spec.code if spec.code in (FORMAT_2019, FORMAT_2021) else FORMAT_2019


def compose(
    found: sources.SourceFigures,
    entered: Entered = Entered(),
    overrides: dict[str, int | Decimal] | None = None,
) -> Built:
    """Tables 2–4 from the record lists; overrides replace named cells after the sums."""
    format_code = format_code_for(found.year)
    built = Built(format_code, Figures(), proactive_items=len(found.proactive_items))
    built.figures.table2 = _table2(found, entered, built.trace, format_code)
    built.figures.table3 = _table3(found, built.trace, format_code)
    built.figures.table4 = _table4(found, built.trace)
    for key, value in (overrides or {}).items():
        if set_cell(built.figures, key, value):
            built.overridden[key] = value
    return built


def _table2(found, entered: Entered, trace: dict[str, Trace], format_code: str) -> Table2:
    table2 = Table2(
        licensing=entered.licensing,
        punishment=entered.punishment,
        coercion=entered.coercion,
        fees=entered.fees if format_code == FORMAT_2021 else None,
    )
    for kind in ("regulations", "normative_documents"):
        cells = getattr(table2, kind)
        for key in DOCUMENT_KEYS:
            ids = found.documents.get(kind, {}).get(key, [])
            # The trial format has no 本年废止件数 column.
            if key == "repealed" and format_code == FORMAT_2019:
                continue
            cells[key] = len(ids)
            trace[cell_key("t2", kind, key)] = Trace(sources.RECORD_ITEM, tuple(ids))
    return table2


def _table3(found, trace: dict[str, Trace], format_code: str) -> dict[str, dict[str, int | None]]:
    ids: dict[str, dict[str, list[int]]] = {
        row: {column: [] for column in TABLE3_COLUMN_KEYS} for row in TABLE3_ROW_KEYS
    }
    for row, columns in found.cases.items():
        target = "other_other" if format_code == FORMAT_2019 and row in _FOLDED_IN_2019 else row
        for column, case_ids in columns.items():
            ids[target][column].extend(case_ids)
    for row in TABLE3_RESULT_KEYS:
        for column in APPLICANT_KEYS:
            ids["total"][column].extend(ids[row][column])
    for row in TABLE3_ROW_KEYS:
        ids[row]["total"] = [i for column in APPLICANT_KEYS for i in ids[row][column]]
    table3: dict[str, dict[str, int | None]] = {}
    for row in TABLE3_ROW_KEYS:
        absent = format_code == FORMAT_2019 and row in _FOLDED_IN_2019
        table3[row] = {}
        for column in TABLE3_COLUMN_KEYS:
            table3[row][column] = None if absent else len(ids[row][column])
            if not absent:
                trace[cell_key("t3", row, column)] = Trace(
                    sources.RECORD_CASE, tuple(sorted(ids[row][column]))
                )
    return table3


def _table4(found, trace: dict[str, Trace]) -> dict[str, dict[str, int | None]]:
    table4: dict[str, dict[str, int | None]] = {}
    for group in TABLE4_GROUP_KEYS:
        cells = found.appeals.get(group, {})
        table4[group] = {}
        every: list[int] = []
        for column in TABLE4_PARTS:
            appeal_ids = cells.get(column, [])
            every.extend(appeal_ids)
            table4[group][column] = len(appeal_ids)
            trace[cell_key("t4", group, column)] = Trace(sources.RECORD_APPEAL, tuple(appeal_ids))
        table4[group]["total"] = len(every)
        trace[cell_key("t4", group, "total")] = Trace(sources.RECORD_APPEAL, tuple(sorted(every)))
    return table4


def generated_cells(format_code: str) -> list[str]:
    """The cells computed from records, which an override may replace (with a reason)."""
    keys = [
        cell_key("t2", kind, key)
        for kind in ("regulations", "normative_documents")
        for key in DOCUMENT_KEYS
        if not (key == "repealed" and format_code == FORMAT_2019)
    ]
    keys += [
        cell_key("t3", row, column)
        for row in TABLE3_ROW_KEYS
        if not (format_code == FORMAT_2019 and row in _FOLDED_IN_2019)
        for column in TABLE3_COLUMN_KEYS
    ]
    keys += [
        cell_key("t4", group, column)
        for group in TABLE4_GROUP_KEYS
        for column in TABLE4_COLUMN_KEYS
    ]
    return keys


def set_cell(figures: Figures, key: str, value: int | Decimal) -> bool:
    """Put `value` into the named generated cell; False if no such cell exists."""
    parts = key.split(".")
    if len(parts) == 3 and parts[0] == "t2" and parts[2] in DOCUMENT_KEYS:
        cells = getattr(figures.table2, parts[1], None)
        if isinstance(cells, dict):
            cells[parts[2]] = int(value)
            return True
    if len(parts) == 3 and parts[0] in ("t3", "t4"):
        table = figures.table3 if parts[0] == "t3" else figures.table4
        if parts[2] in table.get(parts[1], {}):
            table[parts[1]][parts[2]] = int(value)
            return True
    return False


def cell_value(figures: Figures, key: str) -> int | Decimal | None:
    parts = key.split(".")
    if parts[0] == "t2" and len(parts) == 3:
        return getattr(figures.table2, parts[1])[parts[2]]
    if parts[0] == "t2":
        return getattr(figures.table2, parts[1])
    table = figures.table3 if parts[0] == "t3" else figures.table4
    return table[parts[1]][parts[2]]


def rollup_members(government: Agency) -> list[Agency]:
    """A government and its own departments (not the lower governments below it)."""
    return list(
        Agency.objects.filter(Q(pk=government.pk) | Q(parent=government))
        .exclude(~Q(pk=government.pk), kind=AgencyKind.GOVERNMENT)
        .order_by("path")
    )


def build_report(
    agency: Agency,
    year: int,
    entered: Entered = Entered(),
    overrides: dict[str, int | Decimal] | None = None,
) -> Built:
    """The report of one agency for `year`, computed from its records."""
    return compose(sources.collect([agency.pk], year), entered, overrides)


def build_rollup(government: Agency, year: int, entered: Entered = Entered()) -> Built:
    """The roll-up a 主管部门 reads: the government and its departments counted together;
    `entered` is the members' entered table 2 figures, summed (see `summed`)."""
    members = rollup_members(government)
    return compose(sources.collect([member.pk for member in members], year), entered)


def summed(entries: Iterable[Entered]) -> Entered:
    """Entered figures added up field by field; a field none of them entered stays blank."""
    totals: dict[str, int | Decimal | None] = dict.fromkeys(_ENTERED_FIELDS)
    for entry in entries:
        for name in _ENTERED_FIELDS:
            value = getattr(entry, name)
            if value is not None:
                totals[name] = (totals[name] or 0) + value
    return Entered(**totals)
