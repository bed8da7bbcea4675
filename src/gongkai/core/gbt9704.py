"""The page of a 公文 as GB/T 9704-2012 (党政机关公文格式) draws it, shared by letters and reports.

A4 paper; the text area (版心) is 156 × 225 mm, 37 mm from the top edge and 28 mm from the left
(§5.2.1–5.2.2); 22 lines of 28 characters in 三号 (16 pt) 仿宋 (§5.2.3, §7.1); the title in 二号
(22 pt) 小标宋 (§7.3.1); first-level headings in 三号黑体 (§7.3.3); page numbers in 四号 (14 pt)
half-width Song digits between two 一字线, 7 mm below the text area, odd pages right and even
pages left, one character in from the edge (§7.5). The writers for PDF (`gongwen_pdf`) and
Word (`gongwen_docx`) take every measure from here.
"""

from .line_breaking import cells

MM = 72 / 25.4  # points per millimetre

PAGE_WIDTH_MM = 210
PAGE_HEIGHT_MM = 297
TOP_MM = 37
LEFT_MM = 28
TEXT_WIDTH_MM = 156
TEXT_HEIGHT_MM = 225
RIGHT_MM = PAGE_WIDTH_MM - LEFT_MM - TEXT_WIDTH_MM  # 26
BOTTOM_MM = PAGE_HEIGHT_MM - TOP_MM - TEXT_HEIGHT_MM  # 35

COLUMNS = 28
LINES = 22
BODY_PT = 16  # 三号
TITLE_PT = 22  # 二号
PAGE_NUMBER_PT = 14  # 四号
PAGE_NUMBER_GAP_MM = 7  # from the text area's lower edge down to the 一字线

CHAR_PITCH = TEXT_WIDTH_MM * MM / COLUMNS  # points from one body character to the next
LINE_PITCH = TEXT_HEIGHT_MM * MM / LINES  # points from one line to the next

# The faces Word on a government PC has, named in DOCX files (PDF files embed free stand-ins,
# see core/fonts.py).
TITLE_FACE = "方正小标宋简体"
BODY_FACE = "仿宋_GB2312"
HEADING_FACE = "黑体"
NUMBER_FACE = "宋体"

PARAGRAPH_INDENT = 2  # 首行缩进二字 (§7.3.3)
DATE_RIGHT_INDENT = 4  # 成文日期右空四字 (§7.3.5.1)
PAGE_NUMBER_INDENT = 1  # 单页码居右空一字，双页码居左空一字 (§7.5)
# Blank lines between the body and the organ's name: the seal (about four lines high) reaches
# up to within a line of the body and presses on the name and the date (§7.3.5.1).
SEAL_LINES = 2


def page_number(number: int) -> str:
    """«— 1 —»: the number between two 一字线."""
    return f"— {number} —"


def signature_indents(organ: str, dated: str) -> tuple[float, float]:
    """How many characters the organ's name and the date stand in from the right margin.

    The date stands four characters in; the organ's name is centred over it (§7.3.5.1). A name
    wider than the date by more than eight characters would cross the margin: both then move
    left together, the name ending at the margin.
    """
    organ_cells, date_cells = _width(organ), _width(dated)
    date_right = float(DATE_RIGHT_INDENT)
    organ_right = date_right + (date_cells - organ_cells) / 2
    if organ_right < 0:
        date_right -= organ_right
        organ_right = 0.0
    return organ_right, date_right


def enclosure_lines(titles: list[str]) -> list[tuple[str, float, float]]:
    """附件说明 (§7.3.4) as (text, indent, hanging) in characters, one entry per enclosure.

    «附件：» two characters in; several enclosures are numbered «1. » and each further one is
    aligned under the first one's number; a long name wraps under its own first character.
    Names take no closing punctuation.
    """
    label = "附件："
    start = PARAGRAPH_INDENT + _width(label)
    if len(titles) == 1:
        return [(label + _bare(titles[0]), PARAGRAPH_INDENT, start)]
    lines = []
    for n, title in enumerate(titles, 1):
        prefix = f"{n}. "
        text = prefix + _bare(title)
        hanging = start + _width(prefix)
        if n == 1:
            lines.append((label + text, PARAGRAPH_INDENT, hanging))
        else:
            lines.append((text, start, hanging))
    return lines


def _bare(title: str) -> str:
    return title.strip().rstrip("。．.；;，,、")


def _width(text: str) -> float:
    return sum(cells(char) for char in text)
