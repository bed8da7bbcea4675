"""Mojibake, leftover HTML and pinyin glosses inserted after characters."""

import html
import re
from collections.abc import Iterator

from ..checker import Checker, register
from ..findings import Finding, Severity
from ..lists import ListData
from ..matching import PhraseMatcher
from ._context import char_before

TONE_MARKS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ"
# A converter that annotates readings leaves «公開(kāi)»: one syllable with a tone mark,
# right after a Chinese character (checked in code, see _context).
PINYIN_GLOSS = re.compile(
    rf"[(（](?=[a-zü{TONE_MARKS}]*[{TONE_MARKS}])[a-zü{TONE_MARKS}]{{1,6}}[)）]"
)
REPLACEMENT_CHARACTER = re.compile("\ufffd+")
# Characters lost in a failed conversion come out as ASCII '?' between Chinese characters.
LOST_CHARACTER = re.compile(r"\?+(?=[\u4e00-\u9fff\u3000-\u303f]|[a-z]{0,6}[^\x00-\x7f])")
# UTF-8 Chinese read as Windows-1252: «æ”¿åºœ» for 政府. The lead byte of a Chinese character
# (E4–E9) shows as one of äåæçèé, followed by two continuation bytes; two characters in a row.
MOJIBAKE_LEADS = "äåæçèé"
LATIN1_MOJIBAKE = re.compile(
    r"(?:[\u00e4-\u00e9][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    r"\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]+)"
    r"{2,}"
)
HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]{0,10}(?:\s[^<>\n]{0,200})?/?>")
# A closing tag whose "<" was lost with the characters before it: «?/font>».
BROKEN_CLOSING_TAG = re.compile(r"/[a-z]{1,10}>")
HTML_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{2,7}|#[xX][0-9A-Fa-f]{2,6});|&nbsp(?![A-Za-z;])")


def _is_chinese(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _is_broken_tag(text: str, match: re.Match[str]) -> bool:
    before = char_before(text, match.start())
    # "</p>" is reported as a whole tag; "km/h>" is not HTML at all.
    return before not in ("<", "/") and not (before.isascii() and before.isalpha())


@register
class GarbledText(Checker):
    kind = "garbled_text"
    severity = Severity.WARN

    def __init__(self, data: ListData) -> None:
        super().__init__(data)
        self.signatures = PhraseMatcher(
            {signature: None for signature in data.get("signatures", [])}
        )

    def find(self, text: str) -> Iterator[Finding]:
        for match in PINYIN_GLOSS.finditer(text):
            if not _is_chinese(char_before(text, match.start())):
                continue
            yield self.finding(
                *match.span(),
                text,
                f"汉字后面插入了拼音注音「{match.group()}」，多为繁简转换或注音工具留下的残迹。",
                suggestion=f"删除「{match.group()}」",
            )
        # Searching for a plain character is far faster than running a pattern, so each pattern
        # only runs on texts that contain the character it needs.
        for match in REPLACEMENT_CHARACTER.finditer(text) if "\ufffd" in text else ():
            yield self.finding(
                *match.span(),
                text,
                "这里有无法识别的字符（显示为�），原文在编码转换中损坏了。",
                suggestion="对照原文补正",
            )
        for match in LOST_CHARACTER.finditer(text) if "?" in text else ():
            before = char_before(text, match.start())
            if not (_is_chinese(before) or "\u3000" <= before <= "\u303f"):
                continue
            yield self.finding(
                *match.span(),
                text,
                "汉字之间出现了问号「?」，通常是编码转换时丢失的字。",
                suggestion="对照原文补正",
            )
        has_leads = any(lead in text for lead in MOJIBAKE_LEADS)
        for match in LATIN1_MOJIBAKE.finditer(text) if has_leads else ():
            yield self.finding(
                *match.span(),
                text,
                f"「{match.group()}」是乱码：UTF-8 编码的中文被按西文编码读出。",
                suggestion="按 UTF-8 重新读取原文",
            )
        for start, end, _ in self.signatures.finditer(text):
            yield self.finding(
                start,
                end,
                text,
                f"「{text[start:end]}」是典型的乱码，中文在 UTF-8 与 GBK 编码之间被错误转换。",
                suggestion="对照原文补正",
            )
        tags = []
        if ">" in text:
            tags.extend(HTML_TAG.finditer(text))
            tags.extend(
                match for match in BROKEN_CLOSING_TAG.finditer(text) if _is_broken_tag(text, match)
            )
        for match in tags:
            yield self.finding(
                *match.span(),
                text,
                f"正文中残留网页代码「{match.group()}」。",
                suggestion="删除网页代码",
            )
        for match in HTML_ENTITY.finditer(text) if "&" in text else ():
            yield self.finding(
                *match.span(),
                text,
                f"正文中残留网页转义符「{match.group()}」，应显示为对应的字符。",
                suggestion=html.unescape(match.group()),
            )
