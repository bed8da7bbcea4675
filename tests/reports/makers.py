"""Published-looking annual reports built from the format spec, for importer tests and benchmarks.

One layout (rows of cells with rowspan/colspan, as ogi-spec §3.3–3.5 lays the tables out) is
rendered as an HTML page, as flattened text, as DOCX with merged cells and as a PDF with text.
"""

import io
import random
from dataclasses import dataclass
from decimal import Decimal

from gongkai.reports.figures import (
    TABLE3_COLUMN_KEYS,
    TABLE4_COLUMN_KEYS,
    TABLE4_GROUP_KEYS,
    Figures,
    Table2,
)
from gongkai.reports.formats import (
    FORMAT_2019_SPEC,
    FORMAT_2021,
    FORMAT_2021_SPEC,
    TABLE3_APPLICANT_LABEL,
    TABLE3_ORGANISATION_LABEL,
    TABLE3_RESULT_KEYS,
    TABLE3_RESULTS_LABEL,
    ReportFormat,
)


@dataclass(frozen=True)
class Cell:
    text: str
    rowspan: int = 1
    colspan: int = 1


Layout = list[list[Cell]]


def _table3(rows: dict[str, tuple[int, ...]]) -> dict[str, dict[str, int | None]]:
    table = {}
    for row in FORMAT_2021_SPEC.table3_rows:
        parts = rows.get(row.key, (0, 0, 0, 0, 0, 0))
        table[row.key] = dict(zip(TABLE3_COLUMN_KEYS, (*parts, sum(parts)), strict=True))
    return table


def _close_table3(rows: dict[str, tuple[int, ...]]) -> dict[str, tuple[int, ...]]:
    """Add （七）总计 and 结转下年度 so that every identity holds."""
    totals = tuple(
        sum(rows.get(key, (0,) * 6)[column] for key in TABLE3_RESULT_KEYS) for column in range(6)
    )
    forward = tuple(rows["new_received"][c] + rows["carried_over"][c] - totals[c] for c in range(6))
    return {**rows, "total": totals, "carried_forward": forward}


def _table4(groups: dict[str, tuple[int, int, int, int]]) -> dict[str, dict[str, int | None]]:
    return {
        group: dict(zip(TABLE4_COLUMN_KEYS, (*parts, sum(parts)), strict=True))
        for group, parts in ((g, groups.get(g, (0, 0, 0, 0))) for g in TABLE4_GROUP_KEYS)
    }


def example_figures(format_code: str = FORMAT_2021) -> Figures:
    """A consistent year: 148 new applications, 11 carried over, 145 handled, 14 carried forward."""
    rows = {
        "new_received": (120, 15, 2, 1, 6, 4),
        "carried_over": (10, 1, 0, 0, 0, 0),
        "granted": (60, 8, 1, 0, 3, 2),
        "partial": (12, 2, 0, 0, 1, 0),
        "denied_state_secret": (1, 0, 0, 0, 0, 0),
        "denied_third_party": (3, 1, 0, 0, 0, 0),
        "denied_process_info": (2, 0, 0, 0, 0, 1),
        "unable_not_held": (25, 2, 1, 1, 1, 1),
        "unable_need_creation": (4, 0, 0, 0, 0, 0),
        "not_processed_petition": (6, 0, 0, 0, 0, 0),
        "not_processed_repeat": (3, 1, 0, 0, 0, 0),
    }
    if format_code == FORMAT_2021:
        rows["other_no_correction"] = (2, 0, 0, 0, 0, 0)
        rows["other_no_fee"] = (1, 0, 0, 0, 0, 0)
    else:
        rows["other_other"] = (3, 0, 0, 0, 0, 0)
    table3 = _table3(_close_table3(rows))
    if format_code != FORMAT_2021:
        table3["other_no_correction"] = dict.fromkeys(TABLE3_COLUMN_KEYS)
        table3["other_no_fee"] = dict.fromkeys(TABLE3_COLUMN_KEYS)
    table2 = Table2(
        regulations={"issued": 2, "repealed": 1, "in_force": 15},
        normative_documents={"issued": 8, "repealed": 3, "in_force": 60},
        licensing=1200,
        punishment=35,
        coercion=4,
        fees=Decimal("12.5"),
    )
    if format_code != FORMAT_2021:
        table2.regulations["repealed"] = None
        table2.normative_documents["repealed"] = None
        table2.fees = None
    table4 = _table4({"reconsideration": (2, 1, 0, 1), "litigation_direct": (1, 0, 0, 1)})
    return Figures(table2=table2, table3=table3, table4=table4)


def random_figures(rng: random.Random) -> Figures:
    """A consistent 2021-format year with random counts, for benchmarks."""
    rows = {
        key: tuple(rng.choice((0, 0, 0, rng.randint(0, 400))) for _ in range(6))
        for key in TABLE3_RESULT_KEYS
    }
    totals = [sum(rows[key][c] for key in rows) for c in range(6)]
    carried = [rng.randint(0, 20) for _ in range(6)]
    forward = [rng.randint(0, 20) for _ in range(6)]
    # New applications are whatever balances the column; a shortfall moves into 结转下年度.
    for c in range(6):
        forward[c] += max(0, carried[c] - totals[c] - forward[c])
    rows["carried_over"] = tuple(carried)
    rows["new_received"] = tuple(totals[c] + forward[c] - carried[c] for c in range(6))
    figures = example_figures()
    figures.table3 = _table3(_close_table3(rows))
    figures.table4 = _table4(
        {group: tuple(rng.randint(0, 5) for _ in range(4)) for group in TABLE4_GROUP_KEYS}
    )
    return figures


def _value(value: object) -> str:
    return "" if value is None else str(value)


def table2_layouts(figures: Figures, spec: ReportFormat) -> list[Layout]:
    table2 = figures.table2
    if spec.code == FORMAT_2021:
        documents = [
            [Cell(block_row.label)]
            + [
                Cell(_value(getattr(table2, block_row.key)[field]))
                for field in spec.table2[0].fields
            ]
            for block_row in spec.table2[0].rows
        ]
        layout: Layout = [
            [Cell(spec.table2[0].caption, colspan=4)],
            [Cell(header) for header in spec.table2[0].headers],
            *documents,
        ]
        for block in spec.table2[1:]:
            layout.append([Cell(block.caption, colspan=4)])
            layout.append([Cell(block.headers[0]), Cell(block.headers[1], colspan=3)])
            for block_row in block.rows:
                layout.append(
                    [Cell(block_row.label), Cell(_value(getattr(table2, block_row.key)), colspan=3)]
                )
        return [layout]
    # The trial format: one small table per block, as the Shanghai 2019 report publishes it.
    extras = {
        "regulations": ("", "2", ""),
        "normative_documents": ("", "8", ""),
        "licensing": ("310", "+12", ""),
        "other_services": ("42", "-3", "5100"),
        "punishment": ("120", "0", ""),
        "coercion": ("9", "+1", ""),
        "fees": ("3", "0"),
        "procurement": ("14", "251000元"),
    }
    layouts = []
    for block in spec.table2:
        width = len(block.headers)
        layout = [[Cell(block.caption, colspan=width)], [Cell(header) for header in block.headers]]
        for block_row in block.rows:
            cells = list(extras[block_row.key])
            for index, field in enumerate(block.fields):
                if field in ("issued", "in_force"):
                    cells[index] = _value(getattr(table2, block_row.key)[field])
                elif field == "decisions" and block_row.key != "other_services":
                    cells[index] = _value(getattr(table2, block_row.key))
            layout.append([Cell(block_row.label), *(Cell(text) for text in cells)])
        layouts.append(layout)
    return layouts


def table3_layout(figures: Figures, spec: ReportFormat) -> Layout:
    layout: Layout = [
        [Cell(spec.table3_note, rowspan=3, colspan=3), Cell(TABLE3_APPLICANT_LABEL, colspan=7)],
        [
            Cell("自然人", rowspan=2),
            Cell(TABLE3_ORGANISATION_LABEL, colspan=5),
            Cell("总计", rowspan=2),
        ],
        [Cell(column.label) for column in spec.table3_columns[1:6]],
    ]
    groups: dict[str, int] = {}
    for row in spec.table3_rows:
        groups[row.group] = groups.get(row.group, 0) + 1
    seen: set[str] = set()
    results_span = sum(1 for row in spec.table3_rows if row.group)
    for row in spec.table3_rows:
        values = [Cell(_value(figures.table3[row.key][column])) for column in TABLE3_COLUMN_KEYS]
        labels: list[Cell] = []
        if not row.group:
            labels = [Cell(row.label, colspan=3)]
        else:
            if TABLE3_RESULTS_LABEL not in seen:
                seen.add(TABLE3_RESULTS_LABEL)
                labels.append(Cell(TABLE3_RESULTS_LABEL, rowspan=results_span))
            if row.group == TABLE3_RESULTS_LABEL:
                labels.append(Cell(row.label, colspan=2))
            else:
                if row.group not in seen:
                    seen.add(row.group)
                    labels.append(Cell(row.group, rowspan=groups[row.group]))
                labels.append(Cell(row.label))
        layout.append(labels + values)
    return layout


def table4_layout(figures: Figures, spec: ReportFormat) -> Layout:
    headers = [column.label for column in spec.table4_columns]
    values = [
        Cell(_value(figures.table4[group][column]))
        for group in TABLE4_GROUP_KEYS
        for column in TABLE4_COLUMN_KEYS
    ]
    return [
        [Cell("行政复议", colspan=5), Cell("行政诉讼", colspan=10)],
        [Cell(header, rowspan=2) for header in headers]
        + [Cell("未经复议直接起诉", colspan=5), Cell("复议后起诉", colspan=5)],
        [Cell(header) for header in headers * 2],
        values,
    ]


def _spec(format_code: str) -> ReportFormat:
    return FORMAT_2021_SPEC if format_code == FORMAT_2021 else FORMAT_2019_SPEC


def _narrative(figures: Figures, year: int) -> dict[str, str]:
    received = figures.table3["new_received"]["total"]
    return {
        "一、总体情况": f"{year}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，"
        f"全年新收政府信息公开申请{received}件，均按时答复。",
        "五、存在的主要问题及改进情况": "公开内容还不够全面，下一步将持续改进。",
        "六、其他需要报告的事项": f"{year}年本机关收取信息处理费共计400元。",
    }


def _sections(figures: Figures, format_code: str, year: int) -> list[tuple[str, list[Layout], str]]:
    spec = _spec(format_code)
    narrative = _narrative(figures, year)
    return [
        (spec.headings[0], [], narrative[spec.headings[0]]),
        (spec.headings[1], table2_layouts(figures, spec), ""),
        (spec.headings[2], [table3_layout(figures, spec)], ""),
        (spec.headings[3], [table4_layout(figures, spec)], ""),
        (spec.headings[4], [], narrative[spec.headings[4]]),
        (spec.headings[5], [], narrative[spec.headings[5]]),
    ]


def title(agency: str, year: int) -> str:
    return f"{agency}{year}年政府信息公开工作年度报告"


def html_report(
    figures: Figures, format_code: str, year: int, agency: str = "某市自然资源局"
) -> str:
    parts = [f"<html><head><title>{title(agency, year)}</title></head><body>"]
    parts.append(f"<h1>{title(agency, year)}</h1>")
    for heading, layouts, prose in _sections(figures, format_code, year):
        parts.append(f"<h2>{heading}</h2>")
        if prose:
            parts.append(f"<p>{prose}</p>")
        for layout in layouts:
            parts.append('<table border="1">')
            for row in layout:
                cells = "".join(f"<td{_spans(cell)}>{cell.text or '&nbsp;'}</td>" for cell in row)
                parts.append(f"<tr>{cells}</tr>")
            parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts)


def _spans(cell: Cell) -> str:
    spans = ""
    if cell.rowspan > 1:
        spans += f' rowspan="{cell.rowspan}"'
    if cell.colspan > 1:
        spans += f' colspan="{cell.colspan}"'
    return spans


def text_report(
    figures: Figures,
    format_code: str,
    year: int,
    agency: str = "某市自然资源局",
    separator: str = " ",
) -> str:
    """The page as a scraper flattens it: each table row on one line, merged cells once."""
    lines = [title(agency, year)]
    for heading, layouts, prose in _sections(figures, format_code, year):
        lines.append(heading)
        if prose:
            lines.append(prose)
        for layout in layouts:
            lines.extend(separator.join(cell.text for cell in row) for row in layout)
    return "\n".join(lines) + "\n"


def _placements(layout: Layout) -> tuple[list[tuple[int, int, Cell]], int, int]:
    taken: set[tuple[int, int]] = set()
    placed = []
    for r, row in enumerate(layout):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            placed.append((r, c, cell))
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, c + dc))
            c += cell.colspan
    width = max(c for _, c in taken) + 1
    return placed, len(layout), width


def docx_report(
    figures: Figures, format_code: str, year: int, agency: str = "某市自然资源局"
) -> bytes:
    from docx import Document

    document = Document()
    document.add_heading(title(agency, year), level=1)
    for heading, layouts, prose in _sections(figures, format_code, year):
        document.add_heading(heading, level=2)
        if prose:
            document.add_paragraph(prose)
        for layout in layouts:
            placed, height, width = _placements(layout)
            table = document.add_table(rows=height, cols=width)
            for r, c, cell in placed:
                target = table.cell(r, c)
                if cell.rowspan > 1 or cell.colspan > 1:
                    target = target.merge(table.cell(r + cell.rowspan - 1, c + cell.colspan - 1))
                target.text = cell.text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pdf_report(
    figures: Figures, format_code: str, year: int, agency: str = "某市自然资源局"
) -> bytes:
    """A PDF whose text layer holds the flattened report, in a built-in CJK font."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    height = A4[1]
    y = height - 40
    for line in text_report(figures, format_code, year, agency).splitlines():
        while line:
            # Wrap long lines at a space, as a typesetter would, so no number is cut in two.
            cut = len(line) if len(line) <= 60 else (line.rfind(" ", 0, 60) + 1 or 60)
            chunk, line = line[:cut], line[cut:]
            if y < 40:
                page.showPage()
                y = height - 40
            page.setFont("STSong-Light", 8.5)
            page.drawString(30, y, chunk)
            y -= 13
    page.save()
    return buffer.getvalue()
