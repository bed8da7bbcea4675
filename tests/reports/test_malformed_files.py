"""Malformed or unsupported files give a clear Chinese error, never a crash."""

import io
import zipfile

import pytest
from django.core.management import CommandError, call_command

from gongkai.reports.importer import ReportReadError, read_report
from tests.reports.makers import docx_report, example_figures, html_report, pdf_report


def _broken_docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document><w:body><w:p>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.html", b"", "是空的"),
        ("blank.txt", b"  \n\n ", "是空的"),
        ("noise.txt", bytes(range(256)) * 20, "不是文本文件"),
        ("controls.txt", "政府信息公开".encode() + bytes(range(1, 9)) * 40, "控制字符"),
        ("cut.docx", docx_report(example_figures(), "2021", 2022)[:500], "DOCX"),
        ("fake.docx", b"PK\x03\x04 not really a zip archive", "DOCX"),
        ("broken.docx", _broken_docx(), "DOCX"),
        ("cut.pdf", pdf_report(example_figures(), "2021", 2022)[:300], "PDF"),
        ("fake.pdf", b"%PDF-1.4\nnothing else", "PDF"),
        ("table.xls", b"\xd0\xcf\x11\xe0 old office file", "不支持的文件类型"),
        ("notes.txt", "会议纪要：今天天气晴。".encode(), "没有找到政府信息公开年度报告的内容"),
    ],
)
def test_malformed_file_raises_a_read_error(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)

    with pytest.raises(ReportReadError, match=message):
        read_report(path)


def test_missing_file(tmp_path):
    with pytest.raises(ReportReadError, match="无法打开文件"):
        read_report(tmp_path / "absent.html")


def test_pdf_without_a_text_layer(tmp_path):
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.rect(100, 100, 200, 200)
    page.save()
    path = tmp_path / "scan.pdf"
    path.write_bytes(buffer.getvalue())

    with pytest.raises(ReportReadError, match="没有可提取的文字"):
        read_report(path)


@pytest.mark.parametrize(
    "damage",
    [
        lambda page: page[: len(page) // 2],
        lambda page: page.replace("</td>", "").replace("</tr>", ""),
        lambda page: page.replace('rowspan="22"', 'rowspan="999999"'),
        lambda page: page.replace('colspan="7"', 'colspan="-3"').replace(
            'rowspan="3"', 'rowspan="x"'
        ),
        lambda page: page.replace("<table", "<table><table"),
    ],
)
def test_damaged_html_is_read_as_far_as_it_goes(tmp_path, damage):
    path = tmp_path / "report.html"
    path.write_text(damage(html_report(example_figures(), "2021", 2022)), encoding="utf-8")

    report = read_report(path)

    assert report.format == "2021"
    assert isinstance(report.inconsistencies, list)


def test_command_reports_an_unreadable_file_as_an_error(tmp_path):
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"%PDF-1.7\n")

    with pytest.raises(CommandError, match="PDF"):
        call_command("report", "audit", str(path), stdout=io.StringIO())
