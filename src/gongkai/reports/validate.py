"""The arithmetic identities a report's tables must satisfy (ogi-spec §3.6), as pure checks.

Each failure is an `Inconsistency` named by its rule: `t3_results_sum`, `t3_balance`,
`t3_row_total` and `t4_total` are the table identities; `table_missing`, `blank_cells`,
`narrative_mismatch`, `carry_over_mismatch`, `in_force_mismatch` and `fees_not_reported` are
the softer checks. Blank cells count as 0 in the sums, as the spec says, and are reported once
per table by `blank_cells`.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from .figures import (
    DOCUMENT_KEYS,
    TABLE3_COLUMN_KEYS,
    TABLE4_COLUMN_KEYS,
    Cell,
    Figures,
    NarrativeFigures,
    Table3,
)
from .formats import (
    FORMAT_2019,
    FORMAT_2019_SPEC,
    FORMAT_2021,
    FORMAT_2021_SPEC,
    TABLE3_COLUMNS,
    TABLE3_RESULT_KEYS,
    TABLE4_COLUMNS,
    TABLE4_GROUPS,
)

APPLICANT_KEYS = TABLE3_COLUMN_KEYS[:-1]
TABLE4_PARTS = TABLE4_COLUMN_KEYS[:-1]

_COLUMN_LABELS = {column.key: column.label for column in TABLE3_COLUMNS}
_T4_COLUMN_LABELS = {column.key: column.label for column in TABLE4_COLUMNS}
_T4_GROUP_LABELS = {
    group.key: f"{group.parent}·{group.label}" if group.parent else group.label
    for group in TABLE4_GROUPS
}
# Rows that a trial-format report does not have, so their blanks are not omissions.
_ROWS_ONLY_IN_2021 = ("other_no_correction", "other_no_fee")


@dataclass(frozen=True)
class Inconsistency:
    rule: str
    where: str
    detail: str

    def as_json(self) -> dict[str, str]:
        return {"rule": self.rule, "where": self.where, "detail": self.detail}


def row_label(key: str, format_code: str = FORMAT_2021) -> str:
    spec = FORMAT_2019_SPEC if format_code == FORMAT_2019 else FORMAT_2021_SPEC
    for row in spec.table3_rows:
        if row.key == key:
            return row.label
    return FORMAT_2021_SPEC.table3_row(key).label


def _sum(cells: Iterable[Cell]) -> int:
    return sum(cell or 0 for cell in cells)


def _known(cells: Iterable[Cell]) -> bool:
    return any(cell is not None for cell in cells)


def check_table3(table3: Table3, format_code: str = FORMAT_2021) -> list[Inconsistency]:
    """The three identities of table 3: result rows, the column balance and the row totals."""
    found: list[Inconsistency] = []
    for column in TABLE3_COLUMN_KEYS:
        label = _COLUMN_LABELS[column]
        results = [table3[row][column] for row in TABLE3_RESULT_KEYS]
        total = table3["total"][column]
        if _known([*results, total]) and _sum(results) != (total or 0):
            found.append(
                Inconsistency(
                    "t3_results_sum",
                    f"表三 （七）总计 × {label}",
                    f"各项办理结果之和为 {_sum(results)}，（七）总计为 {_show(total)}",
                )
            )
        received = [table3["new_received"][column], table3["carried_over"][column]]
        handled = [total, table3["carried_forward"][column]]
        if _known(received + handled) and _sum(received) != _sum(handled):
            found.append(
                Inconsistency(
                    "t3_balance",
                    f"表三 {label}列",
                    f"本年新收 {_show(received[0])} 加上年结转 {_show(received[1])} 为 "
                    f"{_sum(received)}，（七）总计 {_show(handled[0])} 加结转下年度 "
                    f"{_show(handled[1])} 为 {_sum(handled)}",
                )
            )
    for row, cells in table3.items():
        applicants = [cells[column] for column in APPLICANT_KEYS]
        if _known([*applicants, cells["total"]]) and _sum(applicants) != (cells["total"] or 0):
            found.append(
                Inconsistency(
                    "t3_row_total",
                    f"表三 {row_label(row, format_code)}",
                    f"各类申请人之和为 {_sum(applicants)}，总计列为 {_show(cells['total'])}",
                )
            )
    return found


def check_table4(table4: dict[str, dict[str, Cell]]) -> list[Inconsistency]:
    found: list[Inconsistency] = []
    for group, cells in table4.items():
        parts = [cells[column] for column in TABLE4_PARTS]
        if _known([*parts, cells["total"]]) and _sum(parts) != (cells["total"] or 0):
            found.append(
                Inconsistency(
                    "t4_total",
                    f"表四 {_T4_GROUP_LABELS[group]}",
                    f"结果维持、结果纠正、其他结果、尚未审结之和为 {_sum(parts)}，"
                    f"总计为 {_show(cells['total'])}",
                )
            )
    return found


def _table2_cells(figures: Figures, format_code: str) -> dict[str, object]:
    table2 = figures.table2
    document_keys = DOCUMENT_KEYS if format_code == FORMAT_2021 else ("issued", "in_force")
    cells: dict[str, object] = {}
    for name, label in (("regulations", "规章"), ("normative_documents", "行政规范性文件")):
        for key in document_keys:
            cells[f"{label}·{key}"] = getattr(table2, name)[key]
    cells["行政许可"] = table2.licensing
    cells["行政处罚"] = table2.punishment
    cells["行政强制"] = table2.coercion
    if format_code == FORMAT_2021:
        cells["行政事业性收费"] = table2.fees
    return cells


def check_completeness(figures: Figures, format_code: str) -> list[Inconsistency]:
    """Tables absent from a formatted report, and blank cells in tables that were filled in."""
    if format_code not in (FORMAT_2019, FORMAT_2021):
        return []
    found: list[Inconsistency] = []
    tables: list[tuple[str, dict[str, object]]] = [
        ("表二", _table2_cells(figures, format_code)),
        (
            "表三",
            {
                f"{row_label(row, format_code)} × {_COLUMN_LABELS[column]}": value
                for row, cells in figures.table3.items()
                if not (format_code == FORMAT_2019 and row in _ROWS_ONLY_IN_2021)
                for column, value in cells.items()
            },
        ),
        (
            "表四",
            {
                f"{_T4_GROUP_LABELS[group]} × {_T4_COLUMN_LABELS[column]}": value
                for group, cells in figures.table4.items()
                for column, value in cells.items()
            },
        ),
    ]
    for name, cells in tables:
        blanks = [where for where, value in cells.items() if value is None]
        if len(blanks) == len(cells):
            found.append(Inconsistency("table_missing", name, f"未找到{name}或{name}全部空白"))
        elif blanks:
            shown = "、".join(blanks[:5]) + ("等" if len(blanks) > 5 else "")
            found.append(
                Inconsistency(
                    "blank_cells",
                    name,
                    f"{name}有 {len(blanks)} 个空白单元格（按 0 计）：{shown}",
                )
            )
    return found


def check_narrative(figures: Figures, narrative: NarrativeFigures) -> list[Inconsistency]:
    """Figures stated in the prose against the same figures in the tables."""
    found: list[Inconsistency] = []
    table4 = figures.table4
    litigation = [
        table4["litigation_direct"]["total"],
        table4["litigation_after_reconsideration"]["total"],
    ]
    pairs = (
        (
            "本年新收申请数",
            narrative.applications_received,
            figures.table3["new_received"]["total"],
            _known([figures.table3["new_received"]["total"]]),
        ),
        (
            "行政复议数",
            narrative.reconsiderations,
            table4["reconsideration"]["total"],
            _known([table4["reconsideration"]["total"]]),
        ),
        ("行政诉讼数", narrative.litigations, _sum(litigation), _known(litigation)),
    )
    for what, stated, tabled, table_filled in pairs:
        if stated is not None and table_filled and stated != tabled:
            found.append(
                Inconsistency(
                    "narrative_mismatch",
                    what,
                    f"正文所述{what}为 {stated}，表格为 {_show(tabled)}",
                )
            )
    fee_cases = figures.table3["other_no_fee"]["total"]
    if fee_cases and narrative.fees_collected_yuan is None:
        found.append(
            Inconsistency(
                "fees_not_reported",
                "六、其他需要报告的事项",
                f"有 {fee_cases} 件申请因逾期未缴费不再处理，但正文未说明信息处理费收取情况",
            )
        )
    return found


def check_year_over_year(figures: Figures, previous: Figures) -> list[Inconsistency]:
    """This year's opening figures against last year's closing ones."""
    found: list[Inconsistency] = []
    for column in TABLE3_COLUMN_KEYS:
        carried = figures.table3["carried_over"][column]
        forwarded = previous.table3["carried_forward"][column]
        if carried is not None and forwarded is not None and carried != forwarded:
            found.append(
                Inconsistency(
                    "carry_over_mismatch",
                    f"表三 二、上年结转 × {_COLUMN_LABELS[column]}",
                    f"本年上年结转为 {carried}，上年报告结转下年度为 {forwarded}",
                )
            )
    for name, label in (("regulations", "规章"), ("normative_documents", "行政规范性文件")):
        now = getattr(figures.table2, name)
        before = getattr(previous.table2, name)
        if None in (now["in_force"], before["in_force"], now["issued"], now["repealed"]):
            continue
        expected = before["in_force"] + now["issued"] - now["repealed"]
        if expected != now["in_force"]:
            found.append(
                Inconsistency(
                    "in_force_mismatch",
                    f"表二 {label}",
                    f"上年现行有效 {before['in_force']} 加本年制发 {now['issued']} 减本年废止 "
                    f"{now['repealed']} 为 {expected}，本年现行有效为 {now['in_force']}"
                    "（有修订时可能不等，请核对）",
                )
            )
    return found


def check_report(
    figures: Figures,
    format_code: str = FORMAT_2021,
    *,
    narrative: NarrativeFigures | None = None,
    previous: Figures | None = None,
) -> list[Inconsistency]:
    """Every check that applies to a report, table identities first."""
    found = check_table3(figures.table3, format_code) + check_table4(figures.table4)
    found += check_completeness(figures, format_code)
    if narrative is not None:
        found += check_narrative(figures, narrative)
    if previous is not None:
        found += check_year_over_year(figures, previous)
    return found


def _show(value: Cell) -> str:
    return "空白" if value is None else str(value)
