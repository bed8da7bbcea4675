"""The report as a Word document: A4, named CJK fonts, tables merged as in the format."""

import io

from ..content import ReportContent
from . import paragraphs, sections

BODY_FONT = "仿宋_GB2312"
HEADING_FONT = "黑体"
TITLE_FONT = "方正小标宋简体"
TABLE_FONT = "宋体"


def _font(run, name: str, size_pt: float, bold: bool = False) -> None:
    """Name the font for Latin and East-Asian text alike (Word picks w:eastAsia for CJK)."""
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.name = name
    run.font.size = Pt(size_pt)
    run.font.bold = bold
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), name)


def write_docx(content: ReportContent) -> bytes:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    usable = section.page_width - section.left_margin - section.right_margin

    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(title.add_run(content.title), TITLE_FONT, 22)

    def prose(text: str) -> None:
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.first_line_indent = Pt(32)
        _font(paragraph.add_run(text), BODY_FONT, 16)

    prose(
        f"本报告根据《中华人民共和国政府信息公开条例》和{content.spec.title}"
        f"（{content.spec.document}）编制。本报告中所列数据的统计期限自{content.year}年1月1日"
        f"起至{content.year}年12月31日止。"
    )
    for heading, text, tables in sections(content):
        head = document.add_paragraph()
        _font(head.add_run(heading), HEADING_FONT, 16)
        for line in paragraphs(text):
            prose(line)
        for layout in tables:
            if layout.caption != heading:
                caption = document.add_paragraph()
                caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
                _font(caption.add_run(layout.caption), HEADING_FONT, 12)
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
                _font(paragraph.add_run(cell.text), TABLE_FONT, 9 if layout.slug == "t4" else 10)
    if content.overrides:
        head = document.add_paragraph()
        _font(head.add_run("数据更正说明"), HEADING_FONT, 16)
        for cell, reason in content.override_notes:
            prose(f"{cell}：{reason}")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
