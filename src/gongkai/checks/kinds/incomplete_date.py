"""Dates whose year, month or day is missing, blanked out, or still a template placeholder."""

import re
from collections.abc import Iterator

from ..checker import Checker, register
from ..findings import Finding, Severity
from ..lists import ListData

# ○ (U+25CB) and Ｏ stand in for 〇 in many real documents: 一九五○年.
NUMERALS = "0123456789０１２３４５６７８９〇○Ｏ零一二三四五六七八九十百千两"
MONTH_DAY = re.compile(
    r"年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*月"
    r"(?:\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日)?"
)
# A sentence or clause that opens with a bare 年 or 年度: «年我局……», «年度,我局……».
CLAUSE_OPENING = re.compile(r"年度?(?=\s*[，,]|我|全市|全县|全区|本)")
# A written year followed by an empty month or day: «2026年月日», «2026年3月日», «2026年 月5日».
# A blank «年 月 日» with no year is left alone: published application forms leave it for the
# applicant to fill in.
MONTH_OR_DAY_MISSING = re.compile(
    r"年[ \t\u3000]*(?:月[ \t\u3000]*(?:\d{1,2}|[一二三四五六七八九十]{1,3})?[ \t\u3000]*日"
    r"|(?:\d{1,2}|[一二三四五六七八九十]{1,2})[ \t\u3000]*月[ \t\u3000]*日)"
)
YEAR_DIGITS = 4
SENTENCE_BREAKS = "。；！？!?;\n"
CLAUSE_BREAKS = SENTENCE_BREAKS + "，,：:"


def _previous_char(text: str, index: int) -> tuple[str, bool]:
    """The first non-blank character before `index` ('' at the start), and whether blanks were
    skipped to reach it."""
    position = index - 1
    while position >= 0 and text[position] in " \t\u3000\xa0":
        position -= 1
    return (text[position] if position >= 0 else ""), position < index - 1


@register
class IncompleteDate(Checker):
    kind = "incomplete_date"
    severity = Severity.WARN

    def __init__(self, data: ListData) -> None:
        super().__init__(data)
        self.preceders = data.get("blank_year_preceders", "")
        placeholders = re.escape(data.get("placeholders", ""))
        self.placeholder = (
            re.compile(
                rf"[{placeholders}]{{2,4}}\s*年(?:\s*[{placeholders}\d]{{1,2}}\s*月"
                rf"(?:\s*[{placeholders}\d]{{1,2}}\s*日)?)?"
            )
            if placeholders
            else None
        )

    def find(self, text: str) -> Iterator[Finding]:
        for match in MONTH_DAY.finditer(text):
            before, _ = _previous_char(text, match.start())
            if before in NUMERALS:
                continue
            if before == "" or before in self.preceders or not before.isalnum():
                yield self.finding(
                    *match.span(),
                    text,
                    f"日期「{match.group()}」缺少年份，年份可能在编辑或转载时被删掉了。",
                    suggestion="补全四位年份",
                )
        for match in CLAUSE_OPENING.finditer(text):
            before, skipped_blank = _previous_char(text, match.start())
            if before in NUMERALS:
                continue
            if before == "" or before in CLAUSE_BREAKS or skipped_blank:
                yield self.finding(
                    *match.span(),
                    text,
                    f"句首的「{match.group()}」前缺少年份，年份可能在编辑或转载时被删掉了。",
                    suggestion="补全四位年份",
                )
        for match in MONTH_OR_DAY_MISSING.finditer(text):
            start = match.start()
            while start > max(0, match.start() - YEAR_DIGITS) and text[start - 1] in NUMERALS:
                start -= 1
            if start == match.start():
                continue
            written = text[start : match.end()]
            missing = (
                "月份和日期"
                if re.search(r"年\s*月\s*日", written)
                else ("月份" if re.search(r"年\s*月", written) else "日期")
            )
            yield self.finding(
                start,
                match.end(),
                text,
                f"日期「{written}」缺少{missing}，可能是模板没有填写完整。",
                suggestion="填写实际日期",
            )
        if self.placeholder is not None:
            for match in self.placeholder.finditer(text):
                yield self.finding(
                    *match.span(),
                    text,
                    f"日期「{match.group()}」仍是模板占位符，没有填写实际日期。",
                    suggestion="填写实际日期",
                )
