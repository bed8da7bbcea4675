"""Unmasked resident identity card numbers (居民身份证号码), per GB 11643-1999."""

import re
from collections.abc import Iterator
from datetime import date

from ..checker import Checker, register
from ..findings import Finding, Severity
from ._context import char_at, char_before

# GB 11643-1999: weights 2^(17-i) mod 11 and the ISO 7064 MOD 11-2 check characters.
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARACTERS = "10X98765432"
# First two digits: the province-level region codes of GB/T 2260 (71 Taiwan, 81/82 HK/Macau).
PROVINCE_CODES = frozenset(
    {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50}
    | {51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82}
)

CANDIDATE = re.compile(r"\d{15}(?:\d{2}[\dXx])?")
ALPHANUMERIC = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def check_character(first17: str) -> str:
    total = sum(int(digit) * weight for digit, weight in zip(first17, WEIGHTS, strict=True))
    return CHECK_CHARACTERS[total % 11]


def _valid_birth_date(year: int, month: int, day: int) -> bool:
    try:
        born = date(year, month, day)
    except ValueError:
        return False
    return date(1900, 1, 1) <= born <= date.today()


def looks_like_resident_id(number: str) -> bool:
    """True when the region code and birth date are valid, whatever the check character."""
    if int(number[:2]) not in PROVINCE_CODES:
        return False
    if len(number) == 18:
        return _valid_birth_date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    return _valid_birth_date(1900 + int(number[6:8]), int(number[8:10]), int(number[10:12]))


def has_valid_check_character(number: str) -> bool:
    return check_character(number[:17]) == number[17].upper()


def mask(number: str) -> str:
    """The usual published form: region and last four characters kept."""
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


@register
class IdNumber(Checker):
    kind = "id_number"
    severity = Severity.BLOCK

    def find(self, text: str) -> Iterator[Finding]:
        for match in CANDIDATE.finditer(text):
            number = match.group()
            # Part of a longer number or code: not an ID on its own.
            if char_before(text, match.start()) in ALPHANUMERIC:
                continue
            if char_at(text, match.end()) in ALPHANUMERIC:
                continue
            if not looks_like_resident_id(number):
                continue
            if len(number) == 18 and not has_valid_check_character(number):
                # Mistyped or deliberately altered, an 18-digit number with a real region code
                # and birth date still points at a person.
                yield self.finding(
                    *match.span(),
                    text,
                    "这串数字的地区码和出生日期符合居民身份证号码，但校验位不正确"
                    f"（按 GB 11643-1999 应为 {check_character(number[:17])}）。"
                    "它可能是抄错的身份证号，公开仍会泄露个人信息。",
                    suggestion=mask(number),
                )
            elif len(number) == 18:
                yield self.finding(
                    *match.span(),
                    text,
                    "这是未经遮挡的居民身份证号码（校验位正确），公开会泄露个人信息。",
                    suggestion=mask(number),
                )
            else:
                # The old 15-digit form has no check digit, so a match is less certain.
                yield self.finding(
                    *match.span(),
                    text,
                    "这串数字符合旧版15位居民身份证号码的格式（地区码和出生日期有效），"
                    "如确为身份证号，公开会泄露个人信息。",
                    suggestion=mask(number),
                    severity=Severity.WARN,
                )
