"""Unmasked resident ID numbers are caught by their check character; masked ones are fine."""

import pytest

from gongkai.checks import Severity
from gongkai.checks.kinds.id_number import check_character

from .support import found

# 11010519491231002X is the example of GB 11643-1999; the others are made up, with valid
# check characters.
VALID_IDS = ["11010519491231002X", "440524198001010013", "532301198511154218"]


@pytest.mark.parametrize("number", VALID_IDS)
def test_check_character_follows_iso_7064(number):
    assert check_character(number[:17]) == number[17]


def test_unmasked_id_in_a_public_notice_blocks_and_suggests_the_masked_form():
    text = "2024年度城乡低保拟保障对象公示：张某某，身份证号320106199003071234，家庭人口3人。"
    [finding] = found(text, "id_number")
    assert finding.severity == Severity.BLOCK
    assert finding.text == "320106199003071234"
    assert text[finding.start : finding.end] == finding.text
    assert finding.suggestion == "320106********1234"


def test_lower_case_x_check_character_counts():
    assert len(found("身份证号码：11010519491231002x", "id_number")) == 1


def test_old_fifteen_digit_form_is_a_warning():
    [finding] = found("原身份证号码110105491231002已作废。", "id_number")
    assert finding.severity == Severity.WARN


@pytest.mark.parametrize(
    "text",
    [
        "身份证号：320106********1237",
        "身份证号：3201**********1237",
        "统一社会信用代码：11530000015091342K",
        "索引号：000014349/2019-00123",
        "订单号 9920106199003071237123",
    ],
)
def test_masked_invalid_and_other_numbers_are_not_ids(text):
    assert found(text, "id_number") == []
