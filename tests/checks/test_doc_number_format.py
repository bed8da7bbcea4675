"""文号 in a non-standard form are caught with the standard form as the suggestion."""

import pytest

from .support import found


@pytest.mark.parametrize(
    ("text", "wrong", "fixed"),
    [
        ("根据《国务院办公厅关于印发…的通知》（国办发[2019]26号）", "[2019]26号", "〔2019〕26号"),
        ("依据国办发(2019)26号文件", "(2019)26号", "〔2019〕26号"),
        ("依据国办发【2019】26号文件", "【2019】26号", "〔2019〕26号"),
        ("依据国办发〔2019〕第26号文件", "〔2019〕第26号", "〔2019〕26号"),
        ("依据国办发〔2019〕026号文件", "〔2019〕026号", "〔2019〕26号"),
        ("依据国办发2019年26号文件", "2019年26号", "〔2019〕26号"),
        ("（楚政办通〔2019〕26）文件精神", "〔2019〕26", "〔2019〕26号"),
    ],
)
def test_non_standard_doc_number_is_fixed(text, wrong, fixed):
    [finding] = found(text, "doc_number_format")
    assert (finding.text, finding.suggestion) == (wrong, fixed)
    assert "国办发〔2019〕26号" in finding.message


def test_blanked_year_in_a_doc_number_is_reported():
    [finding] = found("有关事项的通知(云工信网信()1007号)要求编制。", "doc_number_format")
    assert finding.text == "()1007号"
    assert "缺少年份" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "根据《国务院办公厅关于印发…的通知》（国办发〔2019〕26号）",
        "国家税务总局公告2019年第26号",
        "2019年第12号台风“利奇马”登陆。",
        "《政府信息公开条例》（国务院令第711号）",
        "（2019）京01行初26号行政判决书",
    ],
)
def test_standard_and_other_numbering_pass(text):
    assert found(text, "doc_number_format") == []
