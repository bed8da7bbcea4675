"""Text comes out of .txt (UTF-8 or GB18030), .html, .docx and .pdf, NFC-normalised."""

import unicodedata

from gongkai.checks import check_file, extract_bytes, extract_file

from .documents import write_docx, write_pdf

NOTICE = "关于做好2024年政府信息公开工作的通知"


def test_utf8_and_gb18030_text_files_read_the_same(tmp_path):
    utf8 = tmp_path / "utf8.txt"
    utf8.write_text(NOTICE, encoding="utf-8")
    gb = tmp_path / "gb.txt"
    gb.write_bytes(NOTICE.encode("gb18030"))
    assert extract_file(utf8) == extract_file(gb) == NOTICE


def test_utf8_with_bom_and_crlf_line_ends(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + "第一行\r\n第二行".encode())
    assert extract_file(path) == "第一行\n第二行"


def test_text_is_nfc_normalised():
    decomposed = unicodedata.normalize("NFD", "Café 公开")
    assert extract_bytes(decomposed.encode(), ".txt") == "Café 公开"


def test_html_tags_entities_scripts_and_styles(tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes(
        (
            '<html><head><meta charset="gbk"><title>标题</title>'
            "<style>p{color:red}</style><script>var a='机密★1年';</script></head>"
            "<body><p>截止&nbsp;2023年底，共公开&lt;信息&gt;30条</p><div>联系电话&#65306;12345</div>"
            "</body></html>"
        ).encode("gbk")
    )
    text = extract_file(page)
    assert text == "截止 2023年底，共公开<信息>30条\n\n联系电话：12345"


def test_offsets_point_into_the_extracted_html_text(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<p><b>机密</b>★10年</p><p>正文</p>", encoding="utf-8")
    text, findings = check_file(page)
    [finding] = [f for f in findings if f.kind == "secret_marking"]
    assert text[finding.start : finding.end] == "机密★10年"


def test_docx_paragraphs_tables_and_headers(tmp_path):
    path = write_docx(
        tmp_path / "notice.docx",
        [NOTICE, "各乡镇人民政府："],
        table=[["姓名", "身份证号"], ["张某某", "320106199003071234"]],
        header="内部资料 注意保密",
    )
    text, findings = check_file(path)
    assert NOTICE in text and "320106199003071234" in text
    assert {f.kind for f in findings} >= {"id_number", "secret_marking"}


def test_pdf_text_of_every_page(tmp_path):
    path = write_pdf(tmp_path / "notice.pdf", [[NOTICE], ["截止年12月31日，共公开信息30条。"]])
    text, findings = check_file(path)
    assert NOTICE in text
    assert "incomplete_date" in {f.kind for f in findings}
