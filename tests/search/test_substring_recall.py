"""Recall of search against exact substring matching over the real corpus is at least 0.99."""

import random
import re

from gongkai.search import text
from gongkai.search.backends.base import Filters
from gongkai.search.corpus import CorpusSource
from gongkai.search.query import parse

SAMPLES = 80
_WORD_RUN = re.compile(r"[^\W_]{6,}")


def _fragments(folded: list[str], rng: random.Random) -> list[str]:
    found: list[str] = []
    while len(found) < SAMPLES:
        runs = _WORD_RUN.findall(rng.choice(folded))
        if not runs:
            continue
        run = rng.choice(runs)
        length = rng.randint(3, 6)
        start = rng.randrange(0, len(run) - length + 1)
        found.append(run[start : start + length])
    return found


def test_recall_against_exact_substring_matching(corpus_index):
    documents = list(CorpusSource().documents())
    folded = [text.fold(d.title) + "\n" + text.fold(d.body) for d in documents]
    keys = [d.key for d in documents]
    rng = random.Random(20240501)
    expected_total = found_total = 0
    for fragment in _fragments(folded, rng):
        expected = {key for key, body in zip(keys, folded, strict=True) if fragment in body}
        for query in (f'"{fragment}"', fragment):
            result = corpus_index.search(parse(query), Filters(), limit=len(documents))
            found = {hit.key for hit in result.hits}
            expected_total += len(expected)
            found_total += len(expected & found)
    assert expected_total > 0
    recall = found_total / expected_total
    print(f"substring recall {recall:.4f} over {SAMPLES} fragments, {expected_total} matches")
    assert recall >= 0.99
