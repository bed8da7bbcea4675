"""Traditional characters in a simplified-Chinese text, or simplified ones in a traditional text."""

import re
from collections.abc import Iterator

import opencc

from ..checker import Checker, register
from ..findings import Finding, Severity
from ..lists import ListData

CJK_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF))


def _convert_each(converter: str, chars: str) -> str:
    # One character per line keeps OpenCC to its character table: its phrase tables would
    # otherwise rewrite runs of neighbouring characters as if they were words.
    converted = opencc.OpenCC(converter).convert("\n".join(chars)).split("\n")
    return "".join(converted if len(converted) == len(chars) else chars)


def _in_big5(char: str) -> bool:
    # Big5 is the traditional character set: what it encodes is a valid traditional character
    # (干 in 若干, 余 as "I", 咸 as "all"), even where a simplified text uses it differently.
    try:
        char.encode("big5")
    except UnicodeEncodeError:
        return False
    return True


def script_tables() -> tuple[dict[str, str], dict[str, str]]:
    """(traditional-only → simplified, simplified-only → traditional) character tables."""
    chars = "".join(chr(code) for low, high in CJK_RANGES for code in range(low, high + 1))
    to_simplified = _convert_each("t2s", chars)
    to_traditional = _convert_each("s2t", chars)
    # Taiwan's and Hong Kong's standard forms keep some characters that OpenCC's generic
    # traditional table replaces (群, not 羣): those are traditional characters too.
    regional = [_convert_each(converter, chars) for converter in ("s2tw", "s2hk")]
    traditional_only = {}
    simplified_only = {}
    for index, (char, simplified, traditional) in enumerate(
        zip(chars, to_simplified, to_traditional, strict=True)
    ):
        # A character that both conversions change is a variant used in both scripts.
        if simplified != char and traditional == char:
            traditional_only[char] = simplified
        elif (
            traditional != char
            and simplified == char
            and all(table[index] != char for table in regional)
            and not _in_big5(char)
        ):
            simplified_only[char] = traditional
    return traditional_only, simplified_only


def _char_class(chars: dict[str, str]) -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(char) for char in sorted(chars)) + "]")


@register
class ScriptMix(Checker):
    kind = "script_mix"
    severity = Severity.WARN

    def __init__(self, data: ListData) -> None:
        super().__init__(data)
        traditional_only, simplified_only = script_tables()
        for char in data.get("allowed_in_simplified") or "":
            traditional_only.pop(char, None)
        for char in data.get("allowed_in_traditional") or "":
            simplified_only.pop(char, None)
        self.traditional_only, self.simplified_only = traditional_only, simplified_only
        self.traditional = _char_class(self.traditional_only)
        self.simplified = _char_class(self.simplified_only)

    def find(self, text: str) -> Iterator[Finding]:
        # Counting the rarer script first usually ends the check early: most texts have none.
        traditional = self.traditional.findall(text)
        if not traditional:
            return
        simplified = self.simplified.findall(text)
        if not simplified:
            return
        # The text's script is the one most of its script-specific characters belong to;
        # a tie counts as simplified, the script of the mainland's official documents.
        if len(simplified) >= len(traditional):
            stray, table, wanted, found = self.traditional, self.traditional_only, "简体", "繁体"
        else:
            stray, table, wanted, found = self.simplified, self.simplified_only, "繁体", "简体"
        for match in stray.finditer(text):
            char = match.group()
            yield self.finding(
                *match.span(),
                text,
                f"本文以{wanted}字书写，「{char}」是{found}字，应为「{table[char]}」。",
                suggestion=table[char],
            )
