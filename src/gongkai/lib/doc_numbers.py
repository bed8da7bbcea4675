"""文号 (document numbers): the standard form 机关代字〔年份〕序号号 and fixing common mistakes.

The form follows GB/T 9704-2012 practice (ogi-spec §5.3): the year in 六角括号 〔〕, the serial in
Arabic numerals without leading zeros or “第”. Orders (令) are numbered 「国务院令第711号」 and
keep their “第”. Pure functions, no database.
"""

import re
from dataclasses import dataclass

STANDARD = re.compile(r"^(?P<prefix>[\u4e00-\u9fffA-Za-z]+)〔(?P<year>\d{4})〕(?P<seq>[1-9]\d*)号$")
ORDER = re.compile(r"^(?P<prefix>[\u4e00-\u9fffA-Za-z]*令)第(?P<seq>[1-9]\d*)号$")
# The brackets people put around a 文号's year (〔〕 is the standard one), as regex classes;
# search finds 文号 in free text with the same ones.
YEAR_OPENS = "[" + re.escape("〔[［(（【﹝〘{｛") + "]"
YEAR_CLOSES = "[" + re.escape("〕]］)）】﹞〙}｝") + "]"
# Any bracket around the year (or 年 after it), an optional 第, a serial with optional zeros.
LOOSE = re.compile(
    r"^(?P<prefix>[\u4e00-\u9fffA-Za-z]+?)\s*"
    rf"(?:{YEAR_OPENS}\s*(?P<year>\d{{4}})\s*{YEAR_CLOSES}|(?P<year2>\d{{4}})\s*年)\s*"
    r"第?\s*(?P<seq>\d{1,6})\s*号?$"
)
LOOSE_ORDER = re.compile(r"^(?P<prefix>[\u4e00-\u9fffA-Za-z]*令)\s*第?\s*(?P<seq>\d{1,6})\s*号?$")


class DocNumberError(ValueError):
    """A 文号 that cannot be read even loosely; str() is a Chinese message for the user."""


@dataclass(frozen=True)
class DocNumber:
    text: str
    fixed: bool  # True when the given text was not in the standard form


def normalize(raw: str) -> DocNumber:
    """The standard form of a 文号, or DocNumberError. An empty string stays empty."""
    text = re.sub(r"\s+", "", raw or "")
    if not text or STANDARD.match(text) or ORDER.match(text):
        return DocNumber(text, fixed=False)
    match = LOOSE.match(text)
    if match and int(match["seq"]) > 0:
        year = match["year"] or match["year2"]
        return DocNumber(f"{match['prefix']}〔{year}〕{int(match['seq'])}号", fixed=True)
    match = LOOSE_ORDER.match(text)
    if match and int(match["seq"]) > 0:
        return DocNumber(f"{match['prefix']}第{int(match['seq'])}号", fixed=True)
    raise DocNumberError(
        f"文号“{raw}”不符合“机关代字〔年份〕序号号”的规范格式（如“某政发〔2024〕3号”），且无法自动更正。"
    )
