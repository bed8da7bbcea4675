"""Card numbers in the rows of a 公示 list are found without a 卡号 word; other codes are not."""

import pytest

from gongkai.checks import Severity
from gongkai.checks.kinds.bank_card import luhn_valid

from .support import found


def card(prefix: str, length: int) -> str:
    """A Luhn-valid number with `prefix`, filled with a counter so each is different."""
    for filler in range(10**6):
        body = prefix + str(filler).zfill(length - len(prefix) - 1)
        for check in "0123456789":
            if luhn_valid(body + check):
                return body + check
    raise AssertionError(prefix)


UNIONPAY_16 = card("6228", 16)
UNIONPAY_19 = card("6217", 19)
ABC_OLD_19 = card("95599", 19)
RURAL_CREDIT_17 = card("9400", 17)
GROUPED = " ".join(UNIONPAY_16[i : i + 4] for i in range(0, 16, 4))


@pytest.mark.parametrize(
    ("text", "number"),
    [
        # Space-separated cells: the next cell's figure used to be read as the card's tail.
        (f"1 王某某 {UNIONPAY_16} 600", UNIONPAY_16),
        (f"序号\t姓名\t金额\t备注\n2\t李某\t1260\t{UNIONPAY_19}", UNIONPAY_19),
        (f"3 张某 {ABC_OLD_19} 1,260.00", ABC_OLD_19),
        (f"4|赵某|{RURAL_CREDIT_17}|800元", RURAL_CREDIT_17),
        (f"5 刘某 {GROUPED} 300", GROUPED),
    ],
)
def test_card_number_in_a_list_row_blocks(text, number):
    [finding] = found(text, "bank_card")
    assert finding.severity == Severity.BLOCK
    assert text[finding.start : finding.end] == finding.text
    assert finding.text == number


@pytest.mark.parametrize(
    "text",
    [
        # An ID number, a phone number beside an amount, a 索引号 and a credit code in digits.
        "1 王某某 110105194912310021 600",
        "2 李某 13800138000 0591-87654321 500",
        f"索引号：{card('11', 18)}",
        f"统一社会信用代码：{card('52', 18)}",
        # A 19-digit number whose prefix is no card issuer's, without a 卡号 word.
        f"项目 {card('18', 19)} 已完成",
    ],
)
def test_other_numbers_in_list_rows_are_not_cards(text):
    assert found(text, "bank_card") == []
