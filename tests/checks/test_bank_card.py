"""Unmasked bank card numbers are caught by the Luhn check; other long numbers are not."""

import pytest

from gongkai.checks import Severity
from gongkai.checks.kinds.bank_card import luhn_valid

from .support import found

CARD = "6222021000112230007"


def test_luhn():
    assert luhn_valid(CARD)
    assert not luhn_valid("6222021000112230008")


def test_card_number_in_a_subsidy_list_blocks():
    text = f"2023年耕地地力保护补贴发放明细：赵某，补贴金额1260元，一卡通账号{CARD}。"
    [finding] = found(text, "bank_card")
    assert finding.severity == Severity.BLOCK
    assert finding.text == CARD
    assert finding.suggestion == "6222***********0007"


def test_card_number_printed_in_groups_is_found():
    assert len(found("卡号：6222 0210 0011 2230 007", "bank_card")) == 1


def test_agency_collection_account_is_only_a_warning():
    text = f"缴款户名：县财政局非税收入汇缴结算户，开户行：县农商银行，收款账号：{CARD}。"
    [finding] = found(text, "bank_card")
    assert finding.severity == Severity.WARN


@pytest.mark.parametrize(
    "text",
    [
        "卡号：6222***********0007",
        "账号：6222021000112230008",
        "身份证号：440524198001010013",
        "本批次招标项目编号 2024110000123456789。",
    ],
)
def test_masked_invalid_and_unlabelled_numbers_are_not_cards(text):
    assert found(text, "bank_card") == []
