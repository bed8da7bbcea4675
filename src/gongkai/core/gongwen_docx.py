"""Word documents in the GB/T 9704 manner (python-docx): page, grid, faces and page numbers.

The faces are named, not embedded: Word on a government PC has 仿宋_GB2312, 方正小标宋简体 and
黑体 and uses them; each run names its face for East Asian text too (`w:eastAsia`), which is
what Word reads for Chinese characters.
"""

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from .gbt9704 import (
    BODY_FACE,
    BODY_PT,
    BOTTOM_MM,
    CHAR_PITCH,
    LEFT_MM,
    LINE_PITCH,
    NUMBER_FACE,
    PAGE_HEIGHT_MM,
    PAGE_NUMBER_GAP_MM,
    PAGE_NUMBER_INDENT,
    PAGE_NUMBER_PT,
    PAGE_WIDTH_MM,
    PARAGRAPH_INDENT,
    RIGHT_MM,
    SEAL_LINES,
    TITLE_FACE,
    TITLE_PT,
    TOP_MM,
    enclosure_lines,
    signature_indents,
)

ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
}


def name_face(run_or_style, face: str, size: float) -> None:
    """Name the face for Latin and East Asian text alike, at `size` points."""
    run_or_style.font.name = face
    run_or_style.font.size = Pt(size)
    run_or_style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), face)


def new_document():
    """An empty A4 document with the text area, grid, body face and page numbers of a 公文."""
    from docx import Document

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(PAGE_WIDTH_MM), Mm(PAGE_HEIGHT_MM)
    section.top_margin, section.bottom_margin = Mm(TOP_MM), Mm(BOTTOM_MM)
    section.left_margin, section.right_margin = Mm(LEFT_MM), Mm(RIGHT_MM)
    _grid(section)
    normal = document.styles["Normal"]
    name_face(normal, BODY_FACE, BODY_PT)
    spacing = normal.paragraph_format
    spacing.space_before = spacing.space_after = Pt(0)
    spacing.line_spacing = Pt(LINE_PITCH)
    _page_numbers(document, section)
    return document


def _grid(section) -> None:
    """Word's document grid (文档网格): the line pitch in twentieths of a point, the character
    pitch as its difference from the body size in 1/4096 point."""
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        section._sectPr.append(grid)
    grid.set(qn("w:type"), "linesAndChars")
    grid.set(qn("w:linePitch"), str(round(LINE_PITCH * 20)))
    grid.set(qn("w:charSpace"), str(round((CHAR_PITCH - BODY_PT) * 4096)))


def paragraph(
    document,
    text: str,
    *,
    face: str = BODY_FACE,
    size: float = BODY_PT,
    indent: float = PARAGRAPH_INDENT,
    hanging: float | None = None,
    align: str = "left",
    right: float = 0,
):
    """One paragraph; indents in characters of the body size."""
    paragraph = document.add_paragraph()
    paragraph.alignment = ALIGN[align]
    layout = paragraph.paragraph_format
    if hanging is None:
        if indent:
            layout.first_line_indent = Pt(indent * BODY_PT)
    else:
        layout.left_indent = Pt(hanging * BODY_PT)
        layout.first_line_indent = Pt((indent - hanging) * BODY_PT)
    if right:
        layout.right_indent = Pt(right * BODY_PT)
    name_face(paragraph.add_run(text), face, size)
    return paragraph


def title(document, text: str):
    return paragraph(document, text, face=TITLE_FACE, size=TITLE_PT, indent=0, align="center")


def enclosures(document, titles: list[str]) -> None:
    if titles:
        document.add_paragraph()
    for text, indent, hanging in enclosure_lines(titles):
        paragraph(document, text, indent=indent, hanging=hanging)


def signature(document, organ: str, dated: str) -> None:
    """Room for the seal, then the organ's name centred over the date at the lower right."""
    organ_right, date_right = signature_indents(organ, dated)
    for _ in range(SEAL_LINES):
        document.add_paragraph().paragraph_format.keep_with_next = True
    name = paragraph(document, organ, indent=0, align="right", right=organ_right)
    name.paragraph_format.keep_with_next = True
    paragraph(document, dated, indent=0, align="right", right=date_right)


def _page_numbers(document, section) -> None:
    """«— 1 —» in 四号宋体, odd pages at the right, even pages at the left, one character in."""
    document.settings.odd_and_even_pages_header_footer = True
    # The footer's baseline sits about one line-height below the 一字线.
    section.footer_distance = Mm(BOTTOM_MM - PAGE_NUMBER_GAP_MM) - Pt(PAGE_NUMBER_PT)
    inset = Pt(PAGE_NUMBER_INDENT * PAGE_NUMBER_PT)
    for footer, side in ((section.footer, "right"), (section.even_page_footer, "left")):
        line = footer.paragraphs[0]
        if side == "right":
            line.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            line.paragraph_format.right_indent = inset
        else:
            line.alignment = WD_ALIGN_PARAGRAPH.LEFT
            line.paragraph_format.left_indent = inset
        name_face(line.add_run("— "), NUMBER_FACE, PAGE_NUMBER_PT)
        _page_field(line)
        name_face(line.add_run(" —"), NUMBER_FACE, PAGE_NUMBER_PT)


def _page_field(line) -> None:
    """The PAGE field, showing 1 until Word updates it."""
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1")):
        run = line.add_run()
        name_face(run, NUMBER_FACE, PAGE_NUMBER_PT)
        if kind:
            mark = OxmlElement("w:fldChar")
            mark.set(qn("w:fldCharType"), kind)
            run._r.append(mark)
        elif text.strip() == "PAGE":
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = text
            run._r.append(instruction)
        else:
            run.text = text
    end = line.add_run()
    mark = OxmlElement("w:fldChar")
    mark.set(qn("w:fldCharType"), "end")
    end._r.append(mark)
