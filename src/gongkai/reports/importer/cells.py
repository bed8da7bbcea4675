"""Read the numbers of one table row, including rows whose cells ran together or fell apart.

Scraped pages lose the borders between cells: 「1700000 17」 is 17, 0, 0, 0, 0, 0, 17, and
「1 4069」 may be one cell split by a stray space. `splits` lists every way to read a row as a
fixed number of cells; the caller narrows the list with the table's own identities.
"""

import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation

Cells = tuple[int | None, ...]

# A count in a report has at most seven digits; longer runs are several cells run together.
MAX_DIGITS = 7
# Beyond this many readings a row is reported as ambiguous without listing them all.
MAX_SPLITS = 5000

_TOKEN = re.compile(r"\d+|(?<![\u4e00-\u9fff])[/／](?![\u4e00-\u9fff])|(?<!\S)[-—–](?!\S)")
BLANK_MARKS = ("", "/", "／", "-", "—", "–", "无")


def tokens(segment: str) -> list[str | None]:
    """Digit runs in order; a 「/」 or lone dash is a blank cell (None)."""
    return [match if match.isdigit() else None for match in _TOKEN.findall(segment)]


def cell_tokens(cells: list[str]) -> tuple[list[str | None], bool]:
    """Tokens of separate grid cells: blank cells are None; True if a cell held several numbers."""
    found: list[str | None] = []
    crowded = False
    for cell in cells:
        text = cell.strip()
        if text in BLANK_MARKS:
            found.append(None)
            continue
        numbers = re.findall(r"\d+", text)
        if not numbers:
            found.append(None)
            continue
        crowded = crowded or len(numbers) > 1
        found.extend(numbers)
    return found, crowded


def _partitions(digits: str, parts: int) -> Iterator[tuple[int, ...]]:
    """Ways to cut a digit string into `parts` numbers without leading zeros."""
    if parts == 1:
        if len(digits) <= MAX_DIGITS and (digits == "0" or not digits.startswith("0")):
            yield (int(digits),)
        return
    if len(digits) < parts or len(digits) > parts * MAX_DIGITS:
        return
    longest = 1 if digits.startswith("0") else MAX_DIGITS
    for size in range(1, min(longest, len(digits) - parts + 1) + 1):
        head = int(digits[:size])
        for rest in _partitions(digits[size:], parts - 1):
            yield (head, *rest)


def _spread(items: list[str | None], width: int) -> Iterator[Cells]:
    """Readings when some tokens hold several cells run together."""
    if not items:
        if width == 0:
            yield ()
        return
    head, rest = items[0], items[1:]
    if head is None:
        for tail in _spread(rest, width - 1):
            yield (None, *tail)
        return
    room = width - (len(rest))
    for parts in range(1, min(room, len(head)) + 1):
        for numbers in _partitions(head, parts):
            for tail in _spread(rest, width - parts):
                yield (*numbers, *tail)


def _merges(items: list[str | None], width: int) -> Iterator[Cells]:
    """Readings when stray spaces split cells: adjacent digit tokens joined back together."""
    if len(items) == width:
        if all(item is None or item == "0" or not item.startswith("0") for item in items):
            yield tuple(None if item is None else int(item) for item in items)
        return
    if not items or width == 0 or len(items) > width * MAX_DIGITS:
        return
    for take in range(1, len(items) - width + 2):
        group = items[:take]
        if take > 1 and any(item is None for item in group):
            break
        joined = "".join(group) if group[0] is not None else None
        if joined is not None and (
            len(joined) > MAX_DIGITS or (len(joined) > 1 and joined[0] == "0")
        ):
            break
        for tail in _merges(items[take:], width - 1):
            yield (None if joined is None else int(joined), *tail)


def splits(items: list[str | None], width: int) -> tuple[list[Cells], bool]:
    """Every reading of the tokens as `width` cells, and whether the list was cut short."""
    if len(items) == width:
        return [tuple(None if item is None else int(item) for item in items)], False
    generator = _spread(items, width) if len(items) < width else _merges(items, width)
    found: list[Cells] = []
    for reading in generator:
        found.append(reading)
        if len(found) > MAX_SPLITS:
            return found, True
    return found, False


def parse_amount(text: str) -> Decimal | None:
    """A money cell: 「12.5」, 「251000元」 or 「25.1万元」 → Decimal in the unit of the column."""
    cleaned = text.replace(",", "").replace(" ", "")
    if cleaned in BLANK_MARKS:
        return None
    match = re.search(r"[+-]?\d+(?:\.\d+)?", cleaned)
    if not match:
        return None
    try:
        return Decimal(match.group())
    except InvalidOperation:
        return None
