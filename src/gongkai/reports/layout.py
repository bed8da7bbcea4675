"""The official tables of a report as rows of cells with spans, shared by every export.

The layout follows 国办公开办函〔2021〕30号 (and the 2019 trial format) as ogi-spec §3.3–3.5
draws it: table 2 as 第二十条 blocks, table 3 with its three header rows and the merged
「三、本年度办理结果」 label, table 4 with its two header rows. Each header cell has an id and a
scope and each value cell lists the header ids it sits under, so the HTML table is accessible
and the DOCX, PDF and XLSX writers merge exactly the same cells.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from .build import cell_key
from .figures import TABLE3_COLUMN_KEYS, TABLE4_COLUMN_KEYS, TABLE4_GROUP_KEYS, Figures
from .formats import (
    FORMAT_2021,
    TABLE3_APPLICANT_LABEL,
    TABLE3_ORGANISATION_LABEL,
    TABLE3_RESULTS_LABEL,
    ReportFormat,
)


@dataclass
class LayoutCell:
    text: str
    rowspan: int = 1
    colspan: int = 1
    header: bool = False
    scope: str = ""  # "col", "row", "colgroup" or "rowgroup" for header cells
    id: str = ""
    headers: tuple[str, ...] = ()
    key: str = ""  # the figure's cell name, for value cells the system computes or holds
    numeric: bool = False


@dataclass
class TableLayout:
    caption: str
    slug: str
    rows: list[list[LayoutCell]] = field(default_factory=list)
    widths: tuple[float, ...] = ()  # relative column widths

    @property
    def column_count(self) -> int:
        return sum(cell.colspan for cell in self.rows[0])

    def placements(self) -> list[tuple[int, int, LayoutCell]]:
        """(row, column, cell) for every cell, merged cells placed at their top-left corner."""
        taken: set[tuple[int, int]] = set()
        placed = []
        for r, row in enumerate(self.rows):
            c = 0
            for cell in row:
                while (r, c) in taken:
                    c += 1
                placed.append((r, c, cell))
                for dr in range(cell.rowspan):
                    for dc in range(cell.colspan):
                        taken.add((r + dr, c + dc))
                c += cell.colspan
        return placed


def show(value: object) -> str:
    """A cell as printed: blank for none, amounts without trailing zeros."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f")
        return text
    return str(value)


def _value(value: object, key: str, headers: tuple[str, ...], colspan: int = 1) -> LayoutCell:
    return LayoutCell(show(value), colspan=colspan, headers=headers, key=key, numeric=True)


def table2(figures: Figures, spec: ReportFormat) -> list[TableLayout]:
    """主动公开政府信息情况: one table of four-column blocks (2021), or one table per block
    (2019/2020), exactly as the format prints them."""
    table = figures.table2
    if spec.code == FORMAT_2021:
        layout = TableLayout(spec.table2_title, "t2", widths=(2.4, 1.2, 1.2, 1.2))
        layouts = [layout]
    else:
        layouts = []
    for b, block in enumerate(spec.table2):
        if spec.code != FORMAT_2021:
            width = len(block.headers)
            layout = TableLayout(
                f"{spec.table2_title}（{block.caption}）",
                f"t2-{b}",
                widths=(2.4,) + (1.2,) * (width - 1),
            )
            layouts.append(layout)
        width = 4 if spec.code == FORMAT_2021 else len(block.headers)
        caption_id = f"t2-b{b}"
        layout.rows.append(
            [LayoutCell(block.caption, colspan=width, header=True, scope="colgroup", id=caption_id)]
        )
        header_ids = [f"t2-b{b}-h{h}" for h in range(len(block.headers))]
        # In the 2021 format a block with one value column spreads it over three columns.
        spread = width - 1 if len(block.headers) == 2 else 1
        header_row = [
            LayoutCell(text, header=True, scope="col", id=header_ids[h], colspan=spread if h else 1)
            for h, text in enumerate(block.headers)
        ]
        layout.rows.append(header_row)
        for row in block.rows:
            row_id = f"t2-{row.key}"
            cells = [LayoutCell(row.label, header=True, scope="row", id=row_id)]
            for f, name in enumerate(block.fields):
                headers = (caption_id, header_ids[f + 1], row_id)
                value = _table2_value(table, row.key, name)
                key = _table2_key(row.key, name)
                cells.append(_value(value, key, headers, spread))
            layout.rows.append(cells)
    return layouts


def _table2_value(table, row: str, name: str) -> object:
    if not name or row in ("other_services", "procurement"):
        return None
    if name in ("issued", "repealed", "in_force"):
        return getattr(table, row)[name]
    return getattr(table, row)


def _table2_key(row: str, name: str) -> str:
    if not name or row in ("other_services", "procurement"):
        return ""
    if name in ("issued", "repealed", "in_force"):
        return cell_key("t2", row, name)
    return cell_key("t2", row)


def table3(figures: Figures, spec: ReportFormat) -> TableLayout:
    """收到和处理政府信息公开申请情况: three header rows, then every row of the format."""
    layout = TableLayout(spec.table3_title, "t3", widths=(0.9, 1.1, 3.2) + (0.8,) * 7)
    columns = spec.table3_columns
    col_ids = {column.key: f"t3-c-{column.key}" for column in columns}
    layout.rows.append(
        [
            LayoutCell(spec.table3_note, rowspan=3, colspan=3, header=True, id="t3-note"),
            LayoutCell(
                TABLE3_APPLICANT_LABEL, colspan=7, header=True, scope="colgroup", id="t3-applicants"
            ),
        ]
    )
    layout.rows.append(
        [
            LayoutCell(
                columns[0].label, rowspan=2, header=True, scope="col", id=col_ids[columns[0].key]
            ),
            LayoutCell(
                TABLE3_ORGANISATION_LABEL, colspan=5, header=True, scope="colgroup", id="t3-org"
            ),
            LayoutCell(
                columns[6].label, rowspan=2, header=True, scope="col", id=col_ids[columns[6].key]
            ),
        ]
    )
    layout.rows.append(
        [LayoutCell(c.label, header=True, scope="col", id=col_ids[c.key]) for c in columns[1:6]]
    )
    group_sizes: dict[str, int] = {}
    for row in spec.table3_rows:
        group_sizes[row.group] = group_sizes.get(row.group, 0) + 1
    results_span = sum(1 for row in spec.table3_rows if row.group)
    group_ids: dict[str, str] = {}
    for row in spec.table3_rows:
        group_ids.setdefault(row.group, f"t3-g-{row.key}")
    seen: set[str] = set()
    for row in spec.table3_rows:
        row_id = f"t3-r-{row.key}"
        labels: list[LayoutCell] = []
        above: list[str] = []
        if not row.group:
            labels.append(LayoutCell(row.label, colspan=3, header=True, scope="row", id=row_id))
        else:
            if TABLE3_RESULTS_LABEL not in seen:
                seen.add(TABLE3_RESULTS_LABEL)
                labels.append(
                    LayoutCell(
                        TABLE3_RESULTS_LABEL,
                        rowspan=results_span,
                        header=True,
                        scope="rowgroup",
                        id="t3-results",
                    )
                )
            above.append("t3-results")
            if row.group == TABLE3_RESULTS_LABEL:
                labels.append(LayoutCell(row.label, colspan=2, header=True, scope="row", id=row_id))
            else:
                if row.group not in seen:
                    seen.add(row.group)
                    labels.append(
                        LayoutCell(
                            row.group,
                            rowspan=group_sizes[row.group],
                            header=True,
                            scope="rowgroup",
                            id=group_ids[row.group],
                        )
                    )
                above.append(group_ids[row.group])
                labels.append(LayoutCell(row.label, header=True, scope="row", id=row_id))
        values = []
        for column in TABLE3_COLUMN_KEYS:
            headers = (*above, row_id, col_ids[column])
            if column not in ("natural_person", "total"):
                headers = (*above, row_id, "t3-org", col_ids[column])
            values.append(
                _value(figures.table3[row.key][column], cell_key("t3", row.key, column), headers)
            )
        layout.rows.append(labels + values)
    return layout


def table4(figures: Figures, spec: ReportFormat) -> TableLayout:
    """政府信息公开行政复议、行政诉讼情况: 15 numbers under two header rows (three in HTML)."""
    layout = TableLayout(spec.table4_title, "t4", widths=(1.0,) * 15)
    labels = [column.label for column in spec.table4_columns]
    top = [
        LayoutCell("行政复议", colspan=5, header=True, scope="colgroup", id="t4-reconsideration"),
        LayoutCell("行政诉讼", colspan=10, header=True, scope="colgroup", id="t4-litigation"),
    ]
    middle = [
        LayoutCell(text, rowspan=2, header=True, scope="col", id=f"t4-reconsideration-{key}")
        for text, key in zip(labels, TABLE4_COLUMN_KEYS, strict=True)
    ]
    middle += [
        LayoutCell(
            "未经复议直接起诉", colspan=5, header=True, scope="colgroup", id="t4-litigation_direct"
        ),
        LayoutCell(
            "复议后起诉",
            colspan=5,
            header=True,
            scope="colgroup",
            id="t4-litigation_after_reconsideration",
        ),
    ]
    bottom = [
        LayoutCell(text, header=True, scope="col", id=f"t4-{group}-{key}")
        for group in TABLE4_GROUP_KEYS[1:]
        for text, key in zip(labels, TABLE4_COLUMN_KEYS, strict=True)
    ]
    values = []
    for group in TABLE4_GROUP_KEYS:
        for column in TABLE4_COLUMN_KEYS:
            above = (
                ("t4-reconsideration",)
                if group == "reconsideration"
                else ("t4-litigation", f"t4-{group}")
            )
            values.append(
                _value(
                    figures.table4[group][column],
                    cell_key("t4", group, column),
                    (*above, f"t4-{group}-{column}"),
                )
            )
    layout.rows = [top, middle, bottom, values]
    return layout


def tables(figures: Figures, spec: ReportFormat) -> dict[str, list[TableLayout]]:
    """The tables of sections 二, 三 and 四, keyed by the section heading."""
    return {
        spec.headings[1]: table2(figures, spec),
        spec.headings[2]: [table3(figures, spec)],
        spec.headings[3]: [table4(figures, spec)],
    }
