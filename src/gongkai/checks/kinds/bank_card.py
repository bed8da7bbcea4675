"""Unmasked bank card numbers (16–19 digits passing the Luhn check)."""

import re
from collections.abc import Iterator

from ..checker import Checker, register
from ..findings import Finding, Severity
from ..lists import ListData
from ._context import char_at, char_before, preceded_by
from .id_number import looks_like_resident_id

# Card numbers are often printed in groups of four. In a list whose cells are separated by
# spaces the optional tail can swallow the next cell («6228…0003 600»), so a number is also
# tried without it.
CANDIDATE = re.compile(r"\d{4}(?:[ -]?\d{4}){3}(?P<tail>[ -]?\d{1,3})?")
NOT_AN_EDGE = frozenset("0123456789*＊")
# Issuer prefixes of the cards used in China: UnionPay 62, Visa 4, Mastercard 5, JCB/Amex 3,
# and the domestic debit cards issued before UnionPay's 62 range (95 such as the Agricultural
# Bank's 95599, 94 of the rural credit cooperatives), still printed in subsidy lists.
CARD_PREFIXES = ("3", "4", "5", "6", "94", "95")


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
        self.other_code_labels = data.get("other_code_labels", [])

    def _card_at(self, text: str, match: re.Match[str]) -> tuple[int, int, str] | None:
        """The span and digits of the card number `match` starts, if it is one."""
        ends = [match.end()]
        if match.group("tail"):
            ends.append(match.start("tail"))
        for end in ends:
            if char_at(text, end) in NOT_AN_EDGE:
                continue
            digits = re.sub(r"[ -]", "", text[match.start() : end])
            if 16 <= len(digits) <= 19 and luhn_valid(digits):
                return match.start(), end, digits
        return None

    def find(self, text: str) -> Iterator[Finding]:
        for match in CANDIDATE.finditer(text):
            if char_before(text, match.start()) in NOT_AN_EDGE:
                continue
            card = self._card_at(text, match)
            if card is None:
                continue
            start, end, digits = card
            # An 18-digit resident ID can pass Luhn by chance; the ID check reports it, with
            # a right or a wrong check character.
            if len(digits) == 18 and looks_like_resident_id(digits):
                continue
            # A 统一社会信用代码 or 索引号 written in digits only can pass Luhn by chance too.
            if preceded_by(text, start, self.other_code_labels, window=12):
                continue
            labelled = preceded_by(text, start, self.card_labels, window=10)
            if not labelled and not digits.startswith(CARD_PREFIXES):
                continue
            masked = digits[:4] + "*" * (len(digits) - 8) + digits[-4:]
            if preceded_by(text, start, self.public_account_labels, window=20):
                yield self.finding(
                    start,
                    end,
                    text,
                    "这串数字符合银行卡号的校验规则，前文表明它可能是单位公开的收款账户。"
                    "请确认不是个人银行卡号。",
                    suggestion=masked,
                    severity=Severity.WARN,
                )
            else:
                yield self.finding(
                    start,
                    end,
                    text,
                    "这是未经遮挡的银行卡号（符合卡号校验规则），公开会泄露个人信息。",
                    suggestion=masked,
                )
