"""An 18-digit number with a real region code and birth date but a wrong check digit blocks."""

import pytest

from gongkai.checks import Severity
from gongkai.checks.kinds.bank_card import luhn_valid
from gongkai.checks.kinds.id_number import check_character

from .support import found


@pytest.mark.parametrize(
    ("text", "number", "right_check"),
    [
        ("拟保障对象：张某某，身份证号320106199003071238，家庭3人。", "320106199003071238", "4"),
        ("1\t李某\t532301198511154210\t600", "532301198511154210", "8"),
        ("姓名：赵某　公民身份号码：44052419800101001X", "44052419800101001X", "3"),
    ],
)
def test_wrong_check_digit_is_still_an_identity(text, number, right_check):
    [finding] = found(text, "id_number")
    assert finding.text == number
    assert finding.severity == Severity.BLOCK
    assert check_character(number[:17]) == right_check
    assert f"校验位不正确（按 GB 11643-1999 应为 {right_check}）" in finding.message
    assert finding.suggestion == number[:6] + "********" + number[-4:]


@pytest.mark.parametrize(
    "text",
    [
        # Region code 99 is no province; 13th month; born after today (2026-12-01 in tests).
        "编号 990106199003071238",
        "编号 320106199013071238",
        "编号 320106202712011238",
        "统一社会信用代码：11530000015091342K",
        # Broken into two numbers by a space: neither part is an ID.
        "王某 11010519491231002 5 耕地补贴",
    ],
)
def test_numbers_without_a_region_and_birth_date_are_not_ids(text):
    assert found(text, "id_number") == []


def test_a_wrong_check_digit_is_not_also_reported_as_a_bank_card():
    # 622... is a Gansu region code and UnionPay's prefix; this one passes the Luhn check.
    number = next(
        f"62010219900101{tail:03d}1"
        for tail in range(1000)
        if check_character(f"62010219900101{tail:03d}") != "1"
        and luhn_valid(f"62010219900101{tail:03d}1")
    )
    text = f"卡号{number}"
    assert [f.kind for f in found(text, "id_number") + found(text, "bank_card")] == ["id_number"]
