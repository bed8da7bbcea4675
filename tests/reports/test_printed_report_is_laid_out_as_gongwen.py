"""The printable annual report is laid out as a 公文 (GB/T 9704-2012): the title centred in
二号 at the top of the text area, headings and prose on the 28-character grid with prose two
characters in, no line starting with a closing mark, pages numbered «— n —» at alternate
sides; the Word file names the 公文 faces and carries the same page."""

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt

from gongkai.core.line_breaking import CANNOT_START
from gongkai.reports import services
from gongkai.reports.exports import export
from tests.pdf_pages import lines, screenshot

from .seed import seed_year

YEAR = 2025
CHAR = 156 / 28
LEFT, RIGHT = 28, 28 + 156


@pytest.fixture
def content(agency_a, user_a):
    seed_year(agency_a, YEAR, cases=40)
    report = services.create_draft(agency_a, YEAR, user=user_a)
    services.enter_figures(
        report, user=user_a, licensing="1200", punishment="35", coercion="4", fees="12.5"
    )
    report.refresh_from_db()
    return services.content_of(report)


def _close(a: float, b: float, within: float = 0.6) -> bool:
    return abs(a - b) <= within


def test_the_pdf_report_sits_on_the_gongwen_page(content, tmp_path):
    pdf = export(content, "pdf").data
    printed = lines(pdf, tmp_path)
    assert screenshot(pdf, "report-gongwen", tmp_path)

    title = printed[0]
    assert title.page == 1 and title.top < 60
    assert _close(title.middle, (LEFT + RIGHT) / 2)
    assert title.bottom - title.top > 7, "二号 (22 pt) title"

    opening = next(line for line in printed if line.text.startswith("本报告根据"))
    assert _close(opening.left, LEFT + 2 * CHAR), "首行缩进二字"
    heading = next(line for line in printed if line.text.startswith("一、总体情况"))
    assert _close(heading.left, LEFT + 2 * CHAR)
    text_area = [line for line in printed if line.top < 37 + 225]
    assert all(line.left > LEFT - 0.5 and line.right < RIGHT + 0.5 for line in text_area)
    for line in text_area:
        assert line.text[0] not in CANNOT_START, f"行首标点：{line.text}"

    pages = max(line.page for line in printed)
    assert pages >= 2
    numbers = [line for line in printed if line.text.startswith("—") and line.top > 262]
    assert [n.text for n in numbers] == [f"—{n}—" for n in range(1, pages + 1)]
    odd, even = numbers[0], numbers[1]
    assert _close(odd.right, RIGHT - 14 / 72 * 25.4, 1.0), "单页码居右空一字"
    assert _close(even.left, LEFT + 14 / 72 * 25.4, 1.0), "双页码居左空一字"


def test_the_word_report_names_the_gongwen_faces(content):
    import io

    document = Document(io.BytesIO(export(content, "docx").data))
    section = document.sections[0]
    assert round(section.top_margin / 36000) == 37 and round(section.left_margin / 36000) == 28
    title = document.paragraphs[0].runs[0]
    assert title.font.size == Pt(22)
    assert title.element.rPr.rFonts.get(qn("w:eastAsia")) == "方正小标宋简体"
    heading = next(p for p in document.paragraphs if p.text.startswith("一、"))
    assert heading.runs[0].element.rPr.rFonts.get(qn("w:eastAsia")) == "黑体"
    prose = next(p for p in document.paragraphs if p.text.startswith("本报告根据"))
    assert prose.paragraph_format.first_line_indent == Pt(32)
    assert prose.runs[0].font.size == Pt(16)
    assert section.footer.paragraphs[0].text == "— 1 —"
