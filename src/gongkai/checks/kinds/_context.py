"""Helpers for checks that look at the characters around a match.

Boundary conditions are tested here rather than as look-behinds at the start of a pattern:
a pattern that starts with a plain character class lets the regex engine skip quickly to
the places where a match can begin, which keeps the checks fast on long documents.
"""

from collections.abc import Iterable


def preceded_by(text: str, start: int, labels: Iterable[str], window: int) -> bool:
    """True when one of `labels` occurs in the `window` characters before `start`."""
    before = text[max(0, start - window) : start]
    return any(label in before for label in labels)


def char_before(text: str, index: int) -> str:
    return text[index - 1] if index > 0 else ""


def char_at(text: str, index: int) -> str:
    return text[index] if index < len(text) else ""
