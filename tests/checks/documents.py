"""Real DOCX and PDF files for the tests, written with python-docx and reportlab."""

from pathlib import Path

import docx
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

# Adobe's CID font for simplified Chinese ships with reportlab and needs no font file.
CJK_FONT = "STSong-Light"


def write_docx(
    path: Path, paragraphs: list[str], table: list[list[str]] | None = None, header: str = ""
) -> Path:
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, values in zip(grid.rows, table, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
    if header:
        document.sections[0].header.is_linked_to_previous = False
        document.sections[0].header.paragraphs[0].text = header
    document.save(path)
    return path


def write_pdf(path: Path, pages: list[list[str]], password: str | None = None) -> Path:
    pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))
    pdf = canvas.Canvas(str(path), encrypt=password)
    for lines in pages:
        pdf.setFont(CJK_FONT, 12)
        for number, line in enumerate(lines):
            pdf.drawString(72, 760 - 18 * number, line)
        pdf.showPage()
    pdf.save()
    return path
