"""The figures of one annual report (tables 2, 3 and 4), with the keys the whole project uses.

A cell is an int (a decimal for amounts) or None when the published cell was blank or 「/」.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .formats import TABLE3_COLUMNS, TABLE3_ROWS_2021, TABLE4_COLUMNS, TABLE4_GROUPS

Cell = int | None

TABLE3_ROW_KEYS: tuple[str, ...] = tuple(row.key for row in TABLE3_ROWS_2021)
TABLE3_COLUMN_KEYS: tuple[str, ...] = tuple(column.key for column in TABLE3_COLUMNS)
TABLE4_GROUP_KEYS: tuple[str, ...] = tuple(group.key for group in TABLE4_GROUPS)
TABLE4_COLUMN_KEYS: tuple[str, ...] = tuple(column.key for column in TABLE4_COLUMNS)
DOCUMENT_KEYS = ("issued", "repealed", "in_force")
DECISION_KEYS = ("licensing", "punishment", "coercion")

Table3 = dict[str, dict[str, Cell]]
Table4 = dict[str, dict[str, Cell]]


def empty_table3() -> Table3:
    return {row: dict.fromkeys(TABLE3_COLUMN_KEYS) for row in TABLE3_ROW_KEYS}


def empty_table4() -> Table4:
    return {group: dict.fromkeys(TABLE4_COLUMN_KEYS) for group in TABLE4_GROUP_KEYS}


def _empty_documents() -> dict[str, Cell]:
    return dict.fromkeys(DOCUMENT_KEYS)


@dataclass
class Table2:
    """主动公开政府信息情况: documents issued/repealed/in force, decision counts, fee amount."""

    regulations: dict[str, Cell] = field(default_factory=_empty_documents)
    normative_documents: dict[str, Cell] = field(default_factory=_empty_documents)
    licensing: Cell = None
    punishment: Cell = None
    coercion: Cell = None
    fees: Decimal | None = None  # 万元
    # Trial-format cells with no 2021 counterpart, by row key and header label.
    trial_extras: dict[str, dict[str, str]] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {
            "regulations": dict(self.regulations),
            "normative_documents": dict(self.normative_documents),
            "licensing": self.licensing,
            "punishment": self.punishment,
            "coercion": self.coercion,
            "fees": _decimal_json(self.fees),
        }


@dataclass
class Figures:
    """Tables 2, 3 and 4 of one report."""

    table2: Table2 = field(default_factory=Table2)
    table3: Table3 = field(default_factory=empty_table3)
    table4: Table4 = field(default_factory=empty_table4)

    def as_json(self) -> dict[str, Any]:
        return {
            "table2": self.table2.as_json(),
            "table3": {row: dict(cells) for row, cells in self.table3.items()},
            "table4": {group: dict(cells) for group, cells in self.table4.items()},
        }


def _decimal_json(value: Decimal | None) -> int | float | None:
    # JSON has one number type: whole amounts print as integers, others as floats.
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


@dataclass
class NarrativeFigures:
    """Figures the report's prose states, kept to check the tables against."""

    applications_received: int | None = None
    reconsiderations: int | None = None
    litigations: int | None = None
    fees_collected_yuan: Decimal | None = None
