"""Unmasked personal mobile phone numbers."""

import re
from collections.abc import Iterator

from ..checker import Checker, register
from ..findings import Finding, Severity
from ..lists import ListData
from ._context import char_at, char_before, preceded_by

# Mainland mobile numbers: 11 digits starting 13-19, optionally spaced 3-4-4. Hotlines
# (12345, 96128), 400 numbers and landline switchboards never have this shape.
MOBILE = re.compile(r"1[3-9]\d[ -]?\d{4}[ -]?\d{4}")
COUNTRY_CODE = re.compile(r"(?:\+|00)?86[ -]?$")
NOT_AN_EDGE = frozenset("0123456789*＊")


@register
class PhoneNumber(Checker):
    kind = "phone_number"
    severity = Severity.BLOCK

    def __init__(self, data: ListData) -> None:
        super().__init__(data)
        self.contact_labels = data.get("work_contact_labels", [])

    def find(self, text: str) -> Iterator[Finding]:
        for match in MOBILE.finditer(text):
            start, end = match.span()
            country = COUNTRY_CODE.search(text, max(0, start - 6), start)
            if country:
                start = country.start()
            if char_before(text, start) in NOT_AN_EDGE or char_at(text, end) in NOT_AN_EDGE:
                continue
            digits = re.sub(r"[ -]", "", match.group())
            masked = digits[:3] + "****" + digits[7:]
            if preceded_by(text, start, self.contact_labels, window=12):
                yield self.finding(
                    start,
                    end,
                    text,
                    "这是一个手机号码，前文表明它可能是公开的工作联系电话。"
                    "请确认号码属于单位公务用途而非个人，否则应遮挡。",
                    suggestion=masked,
                    severity=Severity.WARN,
                )
            else:
                yield self.finding(
                    start,
                    end,
                    text,
                    "这是未经遮挡的个人手机号码，公开会泄露个人信息。",
                    suggestion=masked,
                )
