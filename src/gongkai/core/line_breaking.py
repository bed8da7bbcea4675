"""Break Chinese text into lines of a fixed grid, keeping punctuation where it belongs (避头尾).

A 公文 line holds a fixed number of full-width characters (28 in GB/T 9704-2012). No line may
begin with a closing or pausing mark (，。、；：？！ and closing quotes and brackets), none may
end with an opening quote or bracket, and a «——» or «……» is not split. reportlab's CJK
wrapping only lets one closing mark hang past the margin and knows neither the full-width ；：？！
nor 》” as closing marks, so letters and reports break their lines here instead: when the
natural break would put a mark in the wrong place, characters move to the next line until it
does not. A run of Latin
letters or digits (a year, an amount, a URL) is not split either, when a break elsewhere is
possible.
"""

import unicodedata

CANNOT_START = frozenset("，。、；：？！）」』》〉】〕］｝”’·％‰℃,.;:?!)]}%")
CANNOT_END = frozenset("（「『《〈【〔［｛“‘([{")
# A 破折号 «——» or an 省略号 «……» is two characters that stay on one line.
UNSPLIT_PAIRS = frozenset("—…")


def cells(char: str) -> float:
    """A character's width in grid cells: full-width characters one, others half."""
    return 1.0 if unicodedata.east_asian_width(char) in ("W", "F", "A") else 0.5


def _punctuation_joins(left: str, right: str) -> bool:
    paired = left == right and left in UNSPLIT_PAIRS
    return right in CANNOT_START or left in CANNOT_END or paired


def _word_joins(left: str, right: str) -> bool:
    return left.isascii() and right.isascii() and left.isalnum() and right.isalnum()


# How far back a break may move to keep a Latin word or a number whole; a longer run (a URL)
# is split rather than leave most of a line empty.
WORD_SHIFT_LIMIT = 8


def break_lines(text: str, columns: float, indent: float = 0, hanging: float = 0) -> list[str]:
    """The lines of one paragraph, `columns` cells wide: the first after `indent` cells, the
    others after `hanging` cells."""
    lines: list[str] = []
    start = 0
    room = columns - indent
    while start < len(text):
        used, end = 0.0, start
        while end < len(text) and used + cells(text[end]) <= room:
            used += cells(text[end])
            end += 1
        end = max(end, start + 1)
        if end < len(text):
            end = _break_before(text, start, end)
        lines.append(text[start:end])
        start, room = end, columns - hanging
    return lines


def _break_before(text: str, start: int, end: int) -> int:
    """The latest break at or before `end` that leaves no mark out of place, else `end`."""
    for candidate in range(end, max(start, end - WORD_SHIFT_LIMIT), -1):
        left, right = text[candidate - 1], text[candidate]
        if not _punctuation_joins(left, right) and not _word_joins(left, right):
            return candidate
    for candidate in range(end, start, -1):
        if not _punctuation_joins(text[candidate - 1], text[candidate]):
            return candidate
    return end
