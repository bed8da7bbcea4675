"""Letters print as a 公文 (GB/T 9704-2012): read back from the PDF's text positions and from
the DOCX, the title is centred at the top, body lines start two characters in on a 28-character
measure, no line starts with a closing mark, the date stands at the lower right under the
organ's name, and pages are numbered «— 1 —»."""

import itertools

import time_machine
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from gongkai.applications import letters, services
from gongkai.core.line_breaking import CANNOT_END, CANNOT_START
from tests.applications.cases import d, make_case
from tests.conftest import make_staff
from tests.pdf_pages import lines, screenshot

CHAR = 156 / 28  # millimetres from one body character to the next
LEFT, RIGHT = 28, 28 + 156
REASONS = (
    "您申请的2024年低保资金发放明细中，含有低保对象的身份证号码、银行账号、家庭住址、"
    "联系电话和健康状况等个人隐私，公开会对第三方合法权益造成损害，本机关已作区分处理；"
    "其余部分（发放月份、发放金额、所在村（社区））予以公开。"
)


def _reply(agency):
    clerk = make_staff(agency, "clerk")
    case = make_case(agency, "2025-10-27", user=clerk)
    services.decide(
        case,
        on=d("2025-11-18"),
        outcome="partial",
        legal_basis="《中华人民共和国政府信息公开条例》第十五条、第三十七条",
        reasons=REASONS,
        enclosures=["2024年低保资金发放明细（已删除个人隐私部分）", "低保审批流程图"],
        user=clerk,
    )
    return letters.generate(case, "reply", user=clerk)


def _mm(length) -> float:
    return round(length / 36000, 1)  # EMU per millimetre


def _close(a: float, b: float, within: float = 0.6) -> bool:
    return abs(a - b) <= within


@time_machine.travel("2025-11-20 10:00 +0800")
def test_the_pdf_reply_sits_on_the_gongwen_grid(agency_a, tmp_path):
    letter = _reply(agency_a)
    pdf = letter.pdf.open("rb").read()
    printed = lines(pdf, tmp_path)
    assert screenshot(pdf, "letter-reply-gongwen", tmp_path)

    title, number = printed[0], printed[1]
    assert title.text == "政府信息公开申请答复书"
    assert _close(title.middle, (LEFT + RIGHT) / 2) and title.top < 60
    assert number.text == letter.number and _close(number.middle, (LEFT + RIGHT) / 2)

    addressee = next(line for line in printed if line.text == "张三：")
    assert _close(addressee.left, LEFT)
    first = next(line for line in printed if line.text.startswith("本机关于"))
    assert _close(first.left, LEFT + 2 * CHAR), "首行缩进二字"
    body = [line for line in printed if line.page == 1 and addressee.top < line.top < 262]
    assert {round(line.left, 0) for line in body} <= {28, 39, 45, 56}, [
        (line.left, line.text) for line in body
    ]
    full = [line for line in body if _close(line.left, LEFT) and _close(line.right, RIGHT)]
    assert full, "continuation lines fill the 156 mm measure"
    for line in (line for line in printed if line.top < 262):
        assert line.text[0] not in CANNOT_START, f"行首标点：{line.text}"
        assert line.text[-1] not in CANNOT_END, f"行尾标点：{line.text}"
    tops = [line.top for line in body]
    assert all(_close(b - a, 225 / 22, 0.3) for a, b in itertools.pairwise(tops))

    enclosure = next(line for line in printed if line.text.startswith("附件：1."))
    second = next(line for line in printed if line.text.startswith("2.低保审批流程图"))
    assert _close(enclosure.left, LEFT + 2 * CHAR)
    assert _close(second.left, LEFT + 5 * CHAR), "later enclosures align under «1.»"

    dated = next(line for line in printed if line.text == "2025年11月20日")
    organ = next(line for line in printed if line.text == agency_a.name and line.top < dated.top)
    assert _close(dated.right, RIGHT - 4 * CHAR, 1.0), "成文日期右空四字"
    assert _close(organ.middle, dated.middle, 1.0), "署名以成文日期为准居中"
    assert organ.top - enclosure.top >= 3 * 225 / 22 - 1, "room for the seal above the name"
    assert any(line.page == dated.page and line.top < organ.top - 20 for line in printed)

    page_number = next(line for line in printed if line.text == "—1—")
    assert page_number.page == 1 and 262 < page_number.top < 275
    assert _close(page_number.right, RIGHT - 14 / 72 * 25.4, 1.0), "单页码居右空一字"


@time_machine.travel("2025-11-20 10:00 +0800")
def test_the_docx_reply_names_the_gongwen_faces_and_page(agency_a, tmp_path):
    letter = _reply(agency_a)
    document = Document(letter.docx.open("rb"))
    section = document.sections[0]
    assert (_mm(section.page_width), _mm(section.page_height)) == (210, 297)
    assert (_mm(section.top_margin), _mm(section.left_margin)) == (37, 28)
    assert _mm(section.page_width - section.left_margin - section.right_margin) == 156
    assert _mm(section.page_height - section.top_margin - section.bottom_margin) == 225
    grid = section._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "linesAndChars"
    assert abs(int(grid.get(qn("w:linePitch"))) - 225 / 22 * 72 / 25.4 * 20) < 1

    normal = document.styles["Normal"]
    assert normal.font.size == Pt(16)
    assert normal.element.rPr.rFonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    title = document.paragraphs[0]
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    run = title.runs[0]
    assert run.font.size == Pt(22) and run.font.name == "方正小标宋简体"
    assert run.element.rPr.rFonts.get(qn("w:eastAsia")) == "方正小标宋简体"

    paragraphs = {p.text: p for p in document.paragraphs if p.text}
    assert paragraphs["张三："].paragraph_format.first_line_indent in (None, 0)
    first = next(p for text, p in paragraphs.items() if text.startswith("本机关于"))
    assert first.paragraph_format.first_line_indent == Pt(32)
    enclosure = next(p for text, p in paragraphs.items() if text.startswith("附件：1. "))
    assert enclosure.paragraph_format.left_indent == Pt(16 * 6.5)
    assert "2. 低保审批流程图" in paragraphs
    dated = paragraphs["2025年11月20日"]
    assert dated.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert dated.paragraph_format.right_indent == Pt(4 * 16)
    organ = paragraphs[agency_a.name]
    assert organ.alignment == WD_ALIGN_PARAGRAPH.RIGHT and organ.paragraph_format.keep_with_next

    assert document.settings.odd_and_even_pages_header_footer
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    assert odd.text == even.text == "— 1 —"
    assert odd.alignment == WD_ALIGN_PARAGRAPH.RIGHT and even.alignment == WD_ALIGN_PARAGRAPH.LEFT
    assert odd.runs[0].font.size == Pt(14) and odd.runs[0].font.name == "宋体"
    assert "w:instrText" in odd._p.xml and " PAGE " in odd._p.xml
