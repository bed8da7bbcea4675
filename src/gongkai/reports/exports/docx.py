"""The report as a Word document in the GB/T 9704 manner: named 公文 faces, tables as in the
format."""

import io

from ..content import ReportContent
from . import paragraphs, sections

TABLE_FACE = "宋体"


def write_docx(content: ReportContent) -> bytes:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    from gongkai.core import gongwen_docx as page
    from gongkai.core.gbt9704 import HEADING_FACE

    document = page.new_document()
    section = document.sections[0]
    usable = section.page_width - section.left_margin - section.right_margin

    page.title(document, content.title)
    document.add_paragraph()
    page.paragraph(
        document,
        f"本报告根据《中华人民共和国政府信息公开条例》和{content.spec.title}"
        f"（{content.spec.document}）编制。本报告中所列数据的统计期限自{content.year}年1月1日"
        f"起至{content.year}年12月31日止。",
    )
    for heading, text, tables in sections(content):
        page.paragraph(document, heading, face=HEADING_FACE)
        for line in paragraphs(text):
            page.paragraph(document, line)
        for layout in tables:
            if layout.caption != heading:
                page.paragraph(document, layout.caption, indent=0, align="center")
            rows = len(layout.rows)
            table = document.add_table(rows=rows, cols=layout.column_count)
            table.style = "Table Grid"
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            total = sum(layout.widths)
            for index, width in enumerate(layout.widths):
                for cell in table.columns[index].cells:
                    cell.width = int(usable * width / total)
            for r, c, cell in layout.placements():
                target = table.cell(r, c)
                if cell.rowspan > 1 or cell.colspan > 1:
                    target = target.merge(table.cell(r + cell.rowspan - 1, c + cell.colspan - 1))
                paragraph = target.paragraphs[0]
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                paragraph.paragraph_format.first_line_indent = 0
                paragraph.paragraph_format.line_spacing = 1.0
                size = 9 if layout.slug == "t4" else 10
                page.name_face(paragraph.add_run(cell.text), TABLE_FACE, size)
    if content.overrides:
        page.paragraph(document, "数据更正说明", face=HEADING_FACE)
        for cell, reason in content.override_notes:
            page.paragraph(document, f"{cell}：{reason}")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
