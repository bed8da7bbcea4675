"""文号 (document numbers) not in the standard form 机关代字〔年份〕序号号 (GB/T 9704-2012)."""

import re
from collections.abc import Iterator

from ..checker import Checker, register
from ..findings import Finding, Severity
from ..lists import ListData
from ._context import char_before

# A bracketed year (any bracket, or blanked), then the serial number; the 机关代字 before it
# is checked in code.
BRACKETED = re.compile(
    r"(?P<open>[〔\[［(（【﹝〘{｛])\s*(?P<year>(?:19|20)\d{2})?\s*"
    r"(?P<close>[〕\]］)）】﹞〙}｝])\s*(?P<di>第)?\s*(?P<seq>\d{1,6})(?P<hao>号)?(?![\d年月日])"
)
# The year written with 年: 国办发2019年26号.
YEAR_STYLE = re.compile(r"(?P<year>(?:19|20)\d{2})年(?P<di>第)?(?P<seq>\d{1,6})号")


@register
class DocNumberFormat(Checker):
    kind = "doc_number_format"
    severity = Severity.WARN

    def __init__(self, data: ListData) -> None:
        super().__init__(data)
        self.year_style_suffixes = tuple(data.get("year_style_suffixes", []))
        self.prefix_endings = data.get("prefix_endings", "")

    def find(self, text: str) -> Iterator[Finding]:
        for match in BRACKETED.finditer(text):
            if not "\u4e00" <= char_before(text, match.start()) <= "\u9fff":
                continue
            problems = []
            if not match["year"]:
                problems.append("缺少年份")
            if (match["open"], match["close"]) != ("〔", "〕"):
                problems.append(f"年份应使用六角括号〔〕，而不是{match['open']}{match['close']}")
            problems.extend(self._serial_problems(match))
            if not problems:
                continue
            year = match["year"] or "年份"
            yield self._finding(match, text, problems, f"〔{year}〕{int(match['seq'])}号")
        for match in YEAR_STYLE.finditer(text):
            before = text[: match.start()]
            if not before or before[-1] not in self.prefix_endings:
                continue
            if before.endswith(self.year_style_suffixes):
                continue
            problems = ["年份应写在六角括号〔〕内，不加“年”字", *self._serial_problems(match)]
            yield self._finding(match, text, problems, f"〔{match['year']}〕{int(match['seq'])}号")

    @staticmethod
    def _serial_problems(match: re.Match[str]) -> list[str]:
        problems = []
        if match["di"]:
            problems.append("序号前不加“第”")
        if match["seq"].startswith("0"):
            problems.append("序号不编虚位（不加前导0）")
        if not match.groupdict().get("hao", "号"):
            problems.append("序号后缺少“号”字")
        return problems

    def _finding(self, match: re.Match[str], text: str, problems: list[str], fixed: str) -> Finding:
        return self.finding(
            *match.span(),
            text,
            "文号格式不规范：" + "；".join(problems) + "。规范写法为“机关代字〔年份〕序号号”，"
            "如“国办发〔2019〕26号”。",
            suggestion=fixed,
        )
