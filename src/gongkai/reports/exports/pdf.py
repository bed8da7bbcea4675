"""The report as an A4 PDF with an embedded TrueType CJK font, the same tables and the charts."""

import io
from xml.sax.saxutils import escape  # what reportlab's Paragraph markup needs

from gongkai.core.fonts import register_pdf_font

from .. import charts
from ..content import ReportContent
from . import paragraphs, sections


def write_pdf(content: ReportContent) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    font = register_pdf_font()
    title_style = ParagraphStyle(
        "title", fontName=font, fontSize=18, leading=28, alignment=TA_CENTER, spaceAfter=12
    )
    heading_style = ParagraphStyle(
        "heading", fontName=font, fontSize=13, leading=22, spaceBefore=8, spaceAfter=4
    )
    body_style = ParagraphStyle(
        "body", fontName=font, fontSize=11, leading=19, firstLineIndent=22, wordWrap="CJK"
    )
    caption_style = ParagraphStyle(
        "caption", fontName=font, fontSize=10, leading=14, alignment=TA_CENTER, spaceAfter=4
    )

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
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=22 * mm,
        bottomMargin=20 * mm,
        title=content.title,
    )
    width = A4[0] - 40 * mm
    story = [Paragraph(escape(content.title), title_style)]
    story.append(
        Paragraph(
            escape(
                f"本报告根据《中华人民共和国政府信息公开条例》和{content.spec.title}"
                f"（{content.spec.document}）编制。本报告中所列数据的统计期限自{content.year}年"
                f"1月1日起至{content.year}年12月31日止。"
            ),
            body_style,
        )
    )
    for heading, text, tables in sections(content):
        story.append(Paragraph(escape(heading), heading_style))
        story += [Paragraph(escape(line), body_style) for line in paragraphs(text)]
        for layout in tables:
            size = 7 if layout.slug == "t4" else 8.5
            style = cell_style(size)
            grid = [[""] * layout.column_count for _ in layout.rows]
            commands = [
                ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ]
            for r, c, cell in layout.placements():
                grid[r][c] = Paragraph(escape(cell.text), style) if cell.text else ""
                if cell.rowspan > 1 or cell.colspan > 1:
                    end = (c + cell.colspan - 1, r + cell.rowspan - 1)
                    commands.append(("SPAN", (c, r), end))
            total = sum(layout.widths)
            table = Table(
                grid,
                colWidths=[width * w / total for w in layout.widths],
                style=TableStyle(commands),
                repeatRows=3 if layout.slug == "t3" else 0,
            )
            if layout.caption != heading:
                story.append(Paragraph(escape(layout.caption), caption_style))
            story += [table, Spacer(1, 6)]
    if content.overrides:
        story.append(Paragraph("数据更正说明", heading_style))
        story += [
            Paragraph(escape(f"{cell}：{reason}"), body_style)
            for cell, reason in content.override_notes
        ]
    year_charts = charts.year_over_year(content.history)
    if year_charts:
        story.append(Paragraph("附：历年数据图", heading_style))
        for chart in year_charts:
            picture = charts.drawing(chart, font)
            scale = min(1.0, width / picture.width)
            picture.scale(scale, scale)
            picture.width *= scale
            picture.height *= scale
            story += [picture, Spacer(1, 8)]
    document.build(story)
    return buffer.getvalue()
