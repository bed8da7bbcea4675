"""The report as an A4 PDF in the GB/T 9704 manner: embedded faces, the same tables, the charts.

Title, headings and prose sit on the 公文 grid (`core/gongwen_pdf`), broken without a mark out of
place (避头尾); the tables and charts are laid out by reportlab within the same text area.
"""

import io

from gongkai.core import fonts

from .. import charts
from ..content import ReportContent
from . import paragraphs, sections

CELL_PADDING = 2  # points each side of a table cell's text
KEEP_WITH_HEADING = 180  # points: a heading needs room for itself and a table's first rows


def write_pdf(content: ReportContent) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import CondPageBreak, Paragraph, Spacer, Table, TableStyle

    from gongkai.core import gongwen_pdf as page

    font = fonts.register_pdf_font(fonts.Role.BODY)
    heading_font = fonts.register_pdf_font(fonts.Role.HEADING)

    def prose(text: str):
        return page.paragraph(text, font)

    def heading(text: str) -> list:
        # Never the last line of a page: a new page unless the heading and what it opens fit.
        return [CondPageBreak(KEEP_WITH_HEADING), page.paragraph(text, heading_font)]

    def cell_style(size: float) -> ParagraphStyle:
        return ParagraphStyle(
            f"cell{size}",
            fontName=font,
            fontSize=size,
            leading=size * 1.3,
            alignment=TA_CENTER,
            wordWrap="CJK",
        )

    buffer = io.BytesIO()
    document = page.document(buffer, content.title)
    width = page.TEXT_WIDTH
    story = [
        page.title(content.title),
        page.blank(),
        prose(
            f"本报告根据《中华人民共和国政府信息公开条例》和{content.spec.title}"
            f"（{content.spec.document}）编制。本报告中所列数据的统计期限自{content.year}年"
            f"1月1日起至{content.year}年12月31日止。"
        ),
    ]
    for title, text, tables in sections(content):
        story += heading(title)
        story += [prose(line) for line in paragraphs(text)]
        for layout in tables:
            size = 7 if layout.slug == "t4" else 8.5
            style = cell_style(size)
            grid = [[""] * layout.column_count for _ in layout.rows]
            commands = [
                ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ]
            total = sum(layout.widths)
            columns = [width * w / total for w in layout.widths]
            for r, c, cell in layout.placements():
                room = sum(columns[c : c + cell.colspan]) - 2 * CELL_PADDING
                markup = page.cell_markup(cell.text, room, size)
                grid[r][c] = Paragraph(markup, style) if cell.text else ""
                if cell.rowspan > 1 or cell.colspan > 1:
                    end = (c + cell.colspan - 1, r + cell.rowspan - 1)
                    commands.append(("SPAN", (c, r), end))
            table = Table(
                grid,
                colWidths=columns,
                style=TableStyle(commands),
                # Tables 3 and 4 open with three header rows: never split below them.
                repeatRows=3 if layout.slug in ("t3", "t4") else 0,
            )
            if layout.caption != title:
                story.append(CondPageBreak(KEEP_WITH_HEADING))
                story.append(page.paragraph(layout.caption, font, indent=0, align="center"))
            story += [table, Spacer(1, 6)]
    if content.overrides:
        story += heading("数据更正说明")
        story += [prose(f"{cell}：{reason}") for cell, reason in content.override_notes]
    year_charts = charts.year_over_year(content.history)
    if year_charts:
        story += heading("附：历年数据图")
        for chart in year_charts:
            picture = charts.drawing(chart, font)
            scale = min(1.0, width / picture.width)
            picture.scale(scale, scale)
            picture.width *= scale
            picture.height *= scale
            story += [picture, Spacer(1, 8)]
    document.build(story)
    return buffer.getvalue()
