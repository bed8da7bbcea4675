"""Unmasked bank card numbers (16–19 digits passing the Luhn check)."""

import re
from collections.abc import Iterator

from ..checker import Checker, register
from ..findings import Finding, Severity
from ..lists import ListData
from ._context import char_at, char_before, preceded_by
from .id_number import is_resident_id

# Card numbers are often printed in groups of four.
CANDIDATE = re.compile(r"\d{4}(?:[ -]?\d{4}){3}(?:[ -]?\d{1,3})?")
NOT_AN_EDGE = frozenset("0123456789*＊")
# Issuer prefixes of the cards used in China: UnionPay 62, Visa 4, Mastercard 5, JCB/Amex 3.
CARD_PREFIXES = ("3", "4", "5", "6")


def luhn_valid(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


@register
class BankCard(Checker):
    kind = "bank_card"
    severity = Severity.BLOCK

    def __init__(self, data: ListData) -> None:
        super().__init__(data)
        self.card_labels = data.get("card_labels", [])
        self.public_account_labels = data.get("public_account_labels", [])

    def find(self, text: str) -> Iterator[Finding]:
        for match in CANDIDATE.finditer(text):
            if char_before(text, match.start()) in NOT_AN_EDGE:
                continue
            if char_at(text, match.end()) in NOT_AN_EDGE:
                continue
            digits = re.sub(r"[ -]", "", match.group())
            if not 16 <= len(digits) <= 19 or not luhn_valid(digits):
                continue
            # An 18-digit resident ID can pass Luhn by chance; the ID check reports it.
            if len(digits) == 18 and is_resident_id(digits):
                continue
            labelled = preceded_by(text, match.start(), self.card_labels, window=10)
            if not labelled and not digits.startswith(CARD_PREFIXES):
                continue
            masked = digits[:4] + "*" * (len(digits) - 8) + digits[-4:]
            if preceded_by(text, match.start(), self.public_account_labels, window=20):
                yield self.finding(
                    *match.span(),
                    text,
                    "这串数字符合银行卡号的校验规则，前文表明它可能是单位公开的收款账户。"
                    "请确认不是个人银行卡号。",
                    suggestion=masked,
                    severity=Severity.WARN,
                )
            else:
                yield self.finding(
                    *match.span(),
                    text,
                    "这是未经遮挡的银行卡号（符合卡号校验规则），公开会泄露个人信息。",
                    suggestion=masked,
                )
