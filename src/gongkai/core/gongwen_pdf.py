"""PDF pages in the GB/T 9704 manner (reportlab): text on the 28 × 22 grid, page numbers.

Text is broken into lines by `line_breaking` (避头尾) and each line drawn on the grid at the
fixed character pitch, so a body line holds 28 characters and a page 22 lines whatever the
face; reportlab lays out only what is not text on the grid (tables, charts).
"""

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, KeepTogether, PageTemplate, Spacer

from . import fonts
from .gbt9704 import (
    BODY_PT,
    BOTTOM_MM,
    CHAR_PITCH,
    LEFT_MM,
    LINE_PITCH,
    MM,
    PAGE_HEIGHT_MM,
    PAGE_NUMBER_GAP_MM,
    PAGE_NUMBER_INDENT,
    PAGE_NUMBER_PT,
    PAGE_WIDTH_MM,
    PARAGRAPH_INDENT,
    RIGHT_MM,
    SEAL_LINES,
    TEXT_HEIGHT_MM,
    TEXT_WIDTH_MM,
    TITLE_PT,
    enclosure_lines,
    page_number,
    signature_indents,
)
from .line_breaking import break_lines, cells

TEXT_WIDTH = TEXT_WIDTH_MM * MM
# Where a glyph's em box has its middle, above the baseline, as a share of the size.
EM_MIDDLE = 0.38


class GridLines(Flowable):
    """Lines of one paragraph, each `(text, indent, justified)`, one grid line apiece."""

    def __init__(self, lines, font: str, size: float, pitch: float, align: str, right: float):
        super().__init__()
        self.lines, self.font, self.size, self.pitch = lines, font, size, pitch
        self.align, self.right = align, right

    def wrap(self, available_width, available_height):
        self.width = available_width
        self.height = len(self.lines) * LINE_PITCH
        return self.width, self.height

    def split(self, available_width, available_height):
        fit = int((available_height + 0.01) // LINE_PITCH)
        if fit <= 0 or fit >= len(self.lines):
            return [] if fit <= 0 else [self]
        return [self._with(self.lines[:fit]), self._with(self.lines[fit:])]

    def _with(self, lines) -> "GridLines":
        return GridLines(lines, self.font, self.size, self.pitch, self.align, self.right)

    def draw(self):
        canvas = self.canv
        canvas.setFont(self.font, self.size)
        for row, (text, indent, justified) in enumerate(self.lines):
            baseline = self.height - (row + 0.5) * LINE_PITCH - EM_MIDDLE * self.size
            span = sum(cells(char) for char in text) * self.pitch
            if self.align == "center":
                x = (self.width - span) / 2
            elif self.align == "right":
                x = self.width - self.right * self.pitch - span
            else:
                x = indent * self.pitch
            spacing = self.pitch - self.size
            if justified and len(text) > 1:
                natural = stringWidth(text, self.font, self.size) + spacing * len(text)
                spacing += (self.width - x - natural) / (len(text) - 1)
            canvas.drawString(x, baseline, text, charSpace=spacing)


def paragraph(
    text: str,
    font: str,
    *,
    size: float = BODY_PT,
    indent: float = PARAGRAPH_INDENT,
    hanging: float = 0,
    align: str = "left",
    right: float = 0,
) -> GridLines:
    """One paragraph on the grid; left-aligned lines but the last fill the measure exactly."""
    pitch = CHAR_PITCH if size == BODY_PT else size
    columns = TEXT_WIDTH / pitch
    broken = break_lines(text, columns, indent, hanging) or [""]
    last = len(broken) - 1
    lines = [
        (line, indent if n == 0 else hanging, align == "left" and n < last)
        for n, line in enumerate(broken)
    ]
    return GridLines(lines, font, size, pitch, align, right)


def cell_markup(text: str, width: float, size: float) -> str:
    """A table cell's text for reportlab's Paragraph, broken here (避头尾) to `width` points
    at `size` points a character, so reportlab's own wrapping has nothing left to break."""
    from xml.sax.saxutils import escape

    columns = int(width / size * 2) / 2  # whole half-characters, so no line overruns
    return "<br/>".join(escape(line) for line in break_lines(text, columns))


def title(text: str) -> GridLines:
    """The title: 二号, centred, broken on the same rules (§7.3.1)."""
    return paragraph(
        text, fonts.register_pdf_font(fonts.Role.TITLE), size=TITLE_PT, indent=0, align="center"
    )


def blank(lines: int = 1) -> Spacer:
    return Spacer(0, lines * LINE_PITCH)


def enclosures(titles: list[str], font: str) -> list[GridLines]:
    """附件说明, a blank line below the body (§7.3.4)."""
    if not titles:
        return []
    lines = [
        paragraph(text, font, indent=indent, hanging=hanging)
        for text, indent, hanging in enclosure_lines(titles)
    ]
    return [blank(), *lines]


def signature(organ: str, dated: str, font: str, above: list) -> KeepTogether:
    """The organ's name centred over the date at the lower right, below room for the seal.

    The block keeps to the same page as `above` (the last paragraph or the 附件说明): a seal
    never stands on a page of its own.
    """
    organ_right, date_right = signature_indents(organ, dated)
    return KeepTogether(
        [
            *above,
            blank(SEAL_LINES),
            paragraph(organ, font, indent=0, align="right", right=organ_right),
            paragraph(dated, font, indent=0, align="right", right=date_right),
        ]
    )


def _draw_page_number(canvas, document) -> None:
    canvas.saveState()
    canvas.setFont(fonts.register_pdf_font(fonts.Role.TITLE), PAGE_NUMBER_PT)
    text = page_number(document.page)
    baseline = (BOTTOM_MM - PAGE_NUMBER_GAP_MM) * MM - EM_MIDDLE * PAGE_NUMBER_PT
    inset = PAGE_NUMBER_INDENT * PAGE_NUMBER_PT
    if document.page % 2:
        canvas.drawRightString((PAGE_WIDTH_MM - RIGHT_MM) * MM - inset, baseline, text)
    else:
        canvas.drawString(LEFT_MM * MM + inset, baseline, text)
    canvas.restoreState()


def document(out, title: str) -> BaseDocTemplate:
    """An A4 document whose one frame is the text area, numbering its pages."""
    frame = Frame(
        LEFT_MM * MM,
        BOTTOM_MM * MM,
        TEXT_WIDTH,
        TEXT_HEIGHT_MM * MM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    return BaseDocTemplate(
        out,
        pagesize=(PAGE_WIDTH_MM * MM, PAGE_HEIGHT_MM * MM),
        title=title,
        pageTemplates=[PageTemplate("gongwen", [frame], onPage=_draw_page_number)],
    )
