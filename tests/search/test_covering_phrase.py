"""A phrase of bigrams is looked up by fewer of them and still finds and scores exactly what
the whole phrase does."""

import itertools
import random
import re

import tantivy

from gongkai.search import services, text
from gongkai.search.backends import tantivy_backend, tantivy_querying, tantivy_ranking
from gongkai.search.backends.base import Filters
from gongkai.search.corpus import CorpusSource
from gongkai.search.query import parse

from .conftest import doc

PHRASE = "管理办法实施细则"


def _is_cover(kept: list[int], size: int) -> bool:
    chosen = set(kept)
    ends = {0, size - 1} <= chosen
    return ends and all(i in chosen or i + 1 in chosen for i in range(size - 1))


def test_the_cover_is_the_cheapest_that_pins_every_character_and_keeps_the_rarest():
    rng = random.Random(7)
    for _ in range(300):
        costs = [rng.randint(1, 1000) for _ in range(rng.randint(2, 9))]
        kept = tantivy_querying.cheapest_cover(costs)
        rarest = costs.index(min(costs))
        assert _is_cover(kept, len(costs)) and rarest in kept, (costs, kept)
        every_cover = (
            subset
            for n in range(1, len(costs) + 1)
            for subset in itertools.combinations(range(len(costs)), n)
            if _is_cover(list(subset), len(costs)) and rarest in subset
        )
        cheapest = min(sum(costs[i] for i in subset) for subset in every_cover)
        assert sum(costs[i] for i in kept) == cheapest, (costs, kept)


def test_only_the_whole_phrase_is_found(indexed):
    """Whichever bigrams the cover leaves out, the phrase broken by punctuation, or with any
    one character changed, is not found."""
    broken = [PHRASE[:cut] + "，" + PHRASE[cut:] for cut in range(1, len(PHRASE))]
    changed = [PHRASE[:at] + "甲" + PHRASE[at + 1 :] for at in range(len(PHRASE))]
    indexed(
        doc("一", key="whole", body=f"为落实{PHRASE}的要求"),
        *[
            doc("二", key=f"near-{n}", body=f"为落实{near}的要求")
            for n, near in enumerate(broken + changed)
        ],
    )
    engine = services.backend()
    tokens = text.phrase_tokens(PHRASE)
    query = engine._builder().covering_phrase("body", tokens)
    searcher = engine.index.searcher()
    assert [searcher.doc(a).get_first("key") for _, a in searcher.search(query, 20).hits] == [
        "whole"
    ]
    results = engine.search(parse(f'"{PHRASE}"'), Filters(), limit=20)
    assert [hit.key for hit in results.hits] == ["whole"]


def _fragments(count: int) -> list[str]:
    rng = random.Random(20261201)
    bodies = [text.fold(d.body) for d in itertools.islice(CorpusSource().documents(), 3000)]
    found: list[str] = []
    while len(found) < count:
        runs = re.findall(r"[^\W_]{8,}", rng.choice(bodies))
        if runs:
            run = rng.choice(runs)
            size = rng.randint(4, 8)
            start = rng.randrange(len(run) - size + 1)
            found.append(run[start : start + size])
    return found


def _where(address) -> tuple[int, int]:
    return address.segment_ord, address.doc


def test_over_the_corpus_it_finds_and_scores_what_the_whole_phrase_does(corpus_index):
    searcher = corpus_index.index.searcher()
    shortened = 0
    for fragment in _fragments(60):
        tokens = text.phrase_tokens(fragment)
        for field in ("title", "body"):
            covering = corpus_index._builder().covering_phrase(field, tokens)
            whole = tantivy.Query.phrase_query(corpus_index.schema, field, tokens)
            a = searcher.search(covering, 10_000, count=True)
            b = searcher.search(whole, 10_000, count=True)
            assert a.count == b.count, (fragment, field)
            scores = {_where(address): score for score, address in b.hits}
            for score, address in a.hits:
                expected = scores[_where(address)]
                assert abs(score - expected) <= 1e-4 * expected, (fragment, field)
            frequencies = [searcher.doc_freq(field, t) for t in tokens]
            kept = tantivy_querying.cheapest_cover(frequencies)
            shortened += 0 not in frequencies and len(kept) < len(tokens)
    # The cover must actually leave bigrams out, or this compares the whole phrase with itself.
    assert shortened >= 30, shortened


class _CountingSearcher:
    """A searcher that records the document frequencies asked of it."""

    def __init__(self, searcher):
        self._searcher = searcher
        self.asked: list[tuple[str, str]] = []

    def doc_freq(self, field, token):
        self.asked.append((field, token))
        return self._searcher.doc_freq(field, token)

    def __getattr__(self, name):
        return getattr(self._searcher, name)


def test_a_query_reads_each_document_frequency_once(corpus_index, monkeypatch):
    """A query is built up to three times (ranked, counted, sampled) and its ranking bounded
    by the same terms' frequencies; each is read from the index once."""
    views, reading_of = [], tantivy_querying.Reading

    def counting_view(searcher):
        view = reading_of(_CountingSearcher(searcher))
        views.append(view)
        return view

    monkeypatch.setattr(tantivy_ranking, "FEW_MATCHES", 0)
    monkeypatch.setattr(tantivy_backend, "Reading", counting_view)
    results = corpus_index.search(parse("国务院办公厅关于印发"), Filters(), limit=10)
    assert results.total > 0
    assert len(views) == 1
    asked = views[0].searcher.asked
    assert len(asked) > 20  # covering phrases in three fields, and the ranking's bounds
    assert len(asked) == len(set(asked))
