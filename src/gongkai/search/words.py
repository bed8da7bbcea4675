"""Frequent words indexed whole, found as substrings, so that a common word is one term.

The bigram fields find any substring as a phrase of its bigrams, and tantivy checks the
positions of every document that holds all of them. For a common word such as 人民政府 (each of
its three bigrams is in most documents) that is hundreds of thousands of position checks per
query. So each text field has a companion field holding every occurrence of every word of a
list, found by substring matching (overlapping matches included, so 人民政府 inside 县人民政府
and 政府信息公开 are both there): a query word on the list becomes one term of that field with
exactly the documents, and the occurrence counts, of the bigram phrase.

The list is derived from the catalog (`derive`): words the segmenter sees, and pairs of
adjacent ones, that occur in at least `MIN_SHARE` of documents. An index keeps a copy of the
list it was built with, so that queries always ask for words the index holds; a changed list
takes effect with the next `gongkai reindex`.
"""

import math
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import ahocorasick_rs

from . import text

FILE_NAME = "frequent-words.txt"
# A word in fewer documents than this share is cheap enough as a phrase (measured at a million
# documents: a phrase costs about 0.3 µs per document that holds all its bigrams).
MIN_SHARE = 0.01
# Words are counted in at most this many documents: shares of 1 % and more are steady there.
SAMPLE_SIZE = 20_000
MIN_LENGTH, MAX_LENGTH = 3, 12
_HEADER = (
    "# 高频词：检索时整词查找的词，一行一个（gongkai reindex --derive-words 由目录生成）。\n"
    "# 管理员可在 GONGKAI_SEARCH_DATA_DIR 下放置同名文件补充；改动后须 gongkai reindex 重建索引。\n"
)


def is_word(folded: str) -> bool:
    """Whether `folded` can be on the list: one run of word characters, 3 to 12 long (a
    two-character word is a single bigram already)."""
    return MIN_LENGTH <= len(folded) <= MAX_LENGTH and text.runs(folded) == [folded]


class WordFinder:
    """Finds every occurrence of the words of a list in folded text."""

    def __init__(self, words: Iterable[str]) -> None:
        self.words = frozenset(word for word in words if is_word(word))
        standard = ahocorasick_rs.MatchKind.Standard  # the kind that reports overlapping matches
        self._automaton = (
            ahocorasick_rs.AhoCorasick(sorted(self.words), matchkind=standard)
            if self.words
            else None
        )

    def __contains__(self, folded: str) -> bool:
        return folded in self.words

    def occurrences(self, folded: str) -> list[str]:
        """Each occurrence of a listed word in `folded`, overlapping ones included."""
        if self._automaton is None:
            return []
        return self._automaton.find_matches_as_strings(folded, overlapping=True)

    def save(self, path: Path) -> None:
        path.write_text(_HEADER + "".join(f"{w}\n" for w in sorted(self.words)), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> "WordFinder":
        return cls(parts[0] for parts in text.list_lines(path))

    @classmethod
    def configured(cls) -> "WordFinder":
        """The list shipped with the search app plus the one in GONGKAI_SEARCH_DATA_DIR."""
        return cls(text.fold(parts[0]) for parts in text.data_lines(FILE_NAME))


def _candidates(folded: str) -> set[str]:
    """Segmented words of a text, and pairs of adjacent ones, that could be on the list."""
    found: set[str] = set()
    for run in text.runs(folded):
        segments = text.segment(run)
        for word, following in zip(segments, [*segments[1:], ""], strict=True):
            if is_word(word):
                found.add(word)
            if len(word) >= 2 and len(following) >= 2 and is_word(word + following):
                found.add(word + following)
    return found


def derive(texts: Iterable[str], min_share: float = MIN_SHARE) -> list[str]:
    """The words to list for a catalog, from its documents' folded texts (a sample will do).

    Candidates come from segmentation, which misses some occurrences; each candidate is then
    counted exactly, as a substring, before it is kept.
    """
    texts = list(texts)
    if not texts:
        return []
    floor = max(1, math.ceil(min_share * len(texts)))
    seen: Counter[str] = Counter()
    for folded in texts:
        seen.update(_candidates(folded))
    # Segmentation undercounts: keep any candidate within a factor of four of the floor.
    finder = WordFinder(word for word, count in seen.items() if count * 4 >= floor)
    counts: Counter[str] = Counter()
    for folded in texts:
        counts.update(set(finder.occurrences(folded)))
    return sorted(word for word, count in counts.items() if count >= floor)


def sample_texts(documents: Iterable, total: int, size: int = SAMPLE_SIZE) -> Iterable[str]:
    """Folded title, summary, body and attachments of every `total // size`-th document."""
    step = max(1, total // size)
    for number, doc in enumerate(documents):
        if number % step == 0:
            yield text.fold(
                text.join_texts([doc.title, doc.summary, doc.body, doc.attachment_text])
            )
