"""Settle rows left open by run-together digits with the same agency's report of the year before.

Two figures must carry over between consecutive reports: this year's 上年结转 is last year's
结转下年度 (table 3, row 二), and a 规章 or 行政规范性文件 count in force is last year's plus
this year's 制发 less this year's 废止 (table 2, 第二十条第（一）项). A reading of an open row that
fits the identity when no other does is taken, and a table-3 row it was paired with (two rows
whose readings could swap) is then settled by the table's own identities. The identities are
checked as `carry_over_mismatch` and `in_force_mismatch` by `validate.check_year_over_year`.
"""

from ..figures import DOCUMENT_KEYS, TABLE3_COLUMN_KEYS, Figures
from ..validate import check_table3
from .cells import Cells
from .tables import OpenRow, TablesResult

IN_FORCE_ROWS = ("regulations", "normative_documents")


def _fits(row: OpenRow, cells: Cells, previous: Figures) -> bool:
    if row.table == "table3" and row.key == "carried_over":
        forwarded = tuple(previous.table3["carried_forward"][c] for c in TABLE3_COLUMN_KEYS)
        return None not in forwarded and cells == forwarded
    if row.table == "table2" and row.key in IN_FORCE_ROWS and len(cells) == 3:
        before = getattr(previous.table2, row.key)["in_force"]
        issued, repealed, in_force = cells
        if None in (before, issued, repealed, in_force):
            return False
        return before + issued - repealed == in_force
    return False


def _store(figures: Figures, row: OpenRow, cells: Cells) -> None:
    if row.table == "table3":
        figures.table3[row.key] = dict(zip(TABLE3_COLUMN_KEYS, cells, strict=True))
    else:
        getattr(figures.table2, row.key).update(zip(DOCUMENT_KEYS, cells, strict=True))


def _take(result: TablesResult, row: OpenRow, cells: Cells, reason: str) -> None:
    _store(result.figures, row, cells)
    result.open_rows.remove(row)
    shown = ",".join(str(value) for value in cells)
    result.notes.append(f"{row.where}：「{row.raw}」{reason}拆分为 {shown}")


def _only_reading_that_balances(figures: Figures, row: OpenRow, format_code: str) -> Cells | None:
    balanced = [
        cells
        for cells in row.candidates
        if not check_table3(
            {**figures.table3, row.key: dict(zip(TABLE3_COLUMN_KEYS, cells, strict=True))},
            format_code,
        )
    ]
    return balanced[0] if len(balanced) == 1 and not row.truncated else None


def settle(result: TablesResult, previous: Figures, format_code: str) -> None:
    """Fill the open rows that last year's figures leave one reading for, with a note each."""
    settled = False
    for row in list(result.open_rows):
        fitting = [cells for cells in row.candidates if _fits(row, cells, previous)]
        if len(fitting) == 1 and not row.truncated:
            _take(result, row, fitting[0], "按上年报告的结转下年度和现行有效件数")
            settled = True
    while settled:
        settled = False
        for row in [row for row in result.open_rows if row.table == "table3"]:
            cells = _only_reading_that_balances(result.figures, row, format_code)
            if cells is not None:
                _take(result, row, cells, "在上年结转确定后按表内勾稽关系")
                settled = True
