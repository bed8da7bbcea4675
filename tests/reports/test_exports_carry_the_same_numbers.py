"""The four exports of one report open and carry the same numbers, read back from the files."""

from decimal import Decimal

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from gongkai.reports import services
from gongkai.reports.exports import export
from gongkai.reports.formats import FORMAT_2021_SPEC
from gongkai.reports.importer import read_report

from .seed import seed_year

YEAR = 2025


@pytest.fixture
def content(agency_a, user_a):
    seed_year(agency_a, YEAR, cases=200)
    report = services.create_draft(agency_a, YEAR, user=user_a)
    services.enter_figures(
        report, user=user_a, licensing="1200", punishment="35", coercion="4", fees="12.5"
    )
    report.refresh_from_db()
    return services.content_of(report)


@pytest.mark.parametrize("kind", ["html", "docx", "pdf"])
def test_the_published_report_reader_gets_back_every_figure(kind, content, tmp_path):
    path = tmp_path / f"report.{kind}"
    path.write_bytes(export(content, kind).data)
    parsed = read_report(path)
    assert parsed.format == "2021"
    assert parsed.year == YEAR
    assert parsed.figures.as_json() == content.figures.as_json()
    assert content.figures.table3["new_received"]["total"] > 20
    assert not [i for i in parsed.inconsistencies if i.rule.startswith("t")], parsed.inconsistencies


def test_the_workbook_has_one_sheet_per_table_with_the_same_numbers(content, tmp_path):
    path = tmp_path / "report.xlsx"
    path.write_bytes(export(content, "xlsx").data)
    book = load_workbook(path)
    assert book.sheetnames == ["表二 主动公开", "表三 依申请公开", "表四 复议诉讼"]
    sheet = book["表三 依申请公开"]
    read = {}
    for row in sheet.iter_rows(min_row=2, values_only=True):
        labels = [value for value in row[:3] if isinstance(value, str)]
        if labels and isinstance(row[3], int):
            read[labels[-1]] = list(row[3:10])
    for spec_row in FORMAT_2021_SPEC.table3_rows:
        cells = content.figures.table3[spec_row.key]
        assert read[spec_row.label] == list(cells.values()), spec_row.label
    table4 = book["表四 复议诉讼"]
    values = [cell.value for cell in table4[5]]
    assert values == [v for cells in content.figures.table4.values() for v in cells.values()]
    table2 = book["表二 主动公开"]
    found = {row[0]: row[1:] for row in table2.iter_rows(values_only=True) if row[0]}
    assert found["行政许可"][0] == 1200
    assert found["行政事业性收费"][0] == Decimal("12.5")
    assert list(found["规章"][:3]) == list(content.figures.table2.regulations.values())
    # Merged cells as in the format: the note spans three columns and three rows.
    assert "A2:C4" in {str(r) for r in sheet.merged_cells.ranges}


def test_the_pdf_embeds_its_cjk_font_and_is_a4(content):
    pdf = PdfReader(__import__("io").BytesIO(export(content, "pdf").data))
    page = pdf.pages[0]
    assert [round(float(v)) for v in page.mediabox[2:]] == [595, 842]
    fonts = page["/Resources"]["/Font"]
    embedded = []
    for ref in fonts.values():
        font = ref.get_object()
        descendants = font.get("/DescendantFonts")
        target = descendants[0].get_object() if descendants else font
        descriptor = target.get("/FontDescriptor")
        if descriptor is not None and "/FontFile2" in descriptor.get_object():
            embedded.append(font["/BaseFont"])
    assert embedded, "no embedded TrueType font"
    assert "一、总体情况" in page.extract_text()


def test_the_word_document_is_a4_with_named_east_asian_fonts(content, tmp_path):
    from docx import Document
    from docx.oxml.ns import qn

    path = tmp_path / "report.docx"
    path.write_bytes(export(content, "docx").data)
    document = Document(str(path))
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    fonts = {
        run._element.rPr.rFonts.get(qn("w:eastAsia"))
        for paragraph in document.paragraphs
        for run in paragraph.runs
    }
    assert {"仿宋_GB2312", "黑体"} <= fonts
    table3 = document.tables[1]
    # The note cell covers three columns of the first three rows.
    assert table3.cell(0, 0)._tc is table3.cell(2, 2)._tc
