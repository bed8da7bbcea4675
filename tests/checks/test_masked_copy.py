"""Masked copies hide personal numbers in text, HTML and DOCX, and keep everything else."""

import io

from docx import Document

from gongkai.checks.extract import extract_bytes
from gongkai.checks.masking import mask_docx, mask_html, mask_text, masked_copy

ID = "110101199003074514"
PHONE = "13812345678"
CARD = "6222021234567890128"  # Luhn-valid


def test_text_masks_keep_length_and_ends():
    text = f"申请人张三，身份证号{ID}，手机{PHONE}，银行卡号{CARD}。"
    masked = mask_text(text)
    assert len(masked) == len(text)
    assert "110***********4514" in masked
    assert "138****5678" in masked
    assert "6222***********0128" in masked
    assert ID not in masked and PHONE not in masked and CARD not in masked
    assert masked.startswith("申请人张三，身份证号")


def test_hotlines_and_document_numbers_are_left_alone():
    text = "咨询电话：12345，文号：某政办发〔2024〕12号，邮编：675500。"
    assert mask_text(text) == text


def test_html_markup_is_kept():
    markup = f'<p class="x">联系人手机<b>{PHONE}</b>，身份证<span>{ID}</span></p>'
    masked = mask_html(markup)
    assert '<p class="x">' in masked and "<b>138****5678</b>" in masked
    assert "<span>110***********4514</span>" in masked


def _docx(*paragraphs: list[str]) -> bytes:
    document = Document()
    for runs in paragraphs:
        paragraph = document.add_paragraph()
        for text in runs:
            paragraph.add_run(text).bold = True
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).text = f"表格中的手机{PHONE}"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_numbers_split_across_runs_are_masked_and_formatting_kept():
    data = _docx(["身份证号", ID[:9], ID[9:], "。"], ["无个人信息的段落。"])
    masked = mask_docx(data)
    text = extract_bytes(masked, ".docx")
    assert "110***********4514" in text and ID not in text
    assert "表格中的手机138****5678" in text
    assert "无个人信息的段落。" in text
    runs = Document(io.BytesIO(masked)).paragraphs[0].runs
    assert [len(r.text) for r in runs] == [4, 9, 9, 1] and all(r.bold for r in runs)


def test_masked_copy_keeps_the_upload_format():
    body, name, content_type = masked_copy(_docx([f"手机{PHONE}"]), "通知.docx")
    assert name == "通知（脱敏）.docx" and "wordprocessingml" in content_type
    assert "138****5678" in extract_bytes(body, ".docx")
    body, name, _ = masked_copy(f"<html><p>{ID}</p></html>".encode(), "公告.html")
    assert name == "公告（脱敏）.html" and b"110***********4514" in body
