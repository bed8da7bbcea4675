"""Fast search for many phrases at once (Aho–Corasick), used by the word-list checks."""

from collections.abc import Iterator, Mapping
from typing import Generic, TypeVar

import ahocorasick_rs

T = TypeVar("T")

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def fold_case(text: str) -> str:
    """Lower-case `text` without moving any character: offsets stay valid."""
    lowered = text.lower()
    # A few letters lower-case to two characters (İ → i̇); then fold ASCII only, which is slower.
    return lowered if len(lowered) == len(text) else text.translate(_ASCII_LOWER)


class PhraseMatcher(Generic[T]):
    """Finds the phrases of a mapping in a text, leftmost-longest and without overlaps."""

    def __init__(self, phrases: Mapping[str, T], *, ignore_case: bool = False) -> None:
        self.ignore_case = ignore_case
        folded = {fold_case(key) if ignore_case else key: value for key, value in phrases.items()}
        folded.pop("", None)
        self._values = list(folded.values())
        self._automaton = (
            ahocorasick_rs.AhoCorasick(
                list(folded), matchkind=ahocorasick_rs.MatchKind.LeftmostLongest
            )
            if folded
            else None
        )

    def finditer(self, text: str) -> Iterator[tuple[int, int, T]]:
        """Yield (start, end, value) for each match; offsets are character offsets."""
        if self._automaton is None:
            return
        haystack = fold_case(text) if self.ignore_case else text
        for index, start, end in self._automaton.find_matches_as_indexes(haystack):
            yield start, end, self._values[index]
