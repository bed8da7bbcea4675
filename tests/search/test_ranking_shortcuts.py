"""What keeps common terms fast at a million documents gives the answers full evaluation gives.

The backend ranks a few candidates first (a one-word query's terms alone, with block skipping;
or the title and summary matches) and re-scores them in full, keeping that ranking only when no
other document could beat it; and it estimates large totals
from a sample bucket. Both are compared here with scoring and counting every match, over the
shared corpus.
"""

import io
import re
from pathlib import Path

import pytest
import tantivy
from django.core.management import call_command

from gongkai.search import evaluation, services
from gongkai.search.backends import (
    tantivy_indexing,
    tantivy_querying,
    tantivy_ranking,
    tantivy_schema,
)
from gongkai.search.backends.base import Filters
from gongkai.search.query import parse

from .conftest import doc

JUDGED = Path(__file__).with_name("relevance.yaml")
COMMON = ["信息公开", "条例", "管理办法", "人民政府", "安全生产", "环境保护", "规定", "通知"]
MULTI = ["行政许可 实施", "社会保险 基金", "土地 征收 补偿", "食品安全 监督管理"]


def _full_ranking(engine, q: str, filters: Filters, need: int = 10) -> list[tuple[int, float]]:
    """(uid, score) of the top `need` when every match is scored."""
    searcher = engine.index.searcher()
    built = engine.build(parse(q), filters)
    hits = searcher.search(built, need, count=False, weight_by_field="rank").hits
    uids = searcher.fast_field_values("uid", [address for _, address in hits])
    return _in_order([(uid, round(score, 3)) for uid, (score, _) in zip(uids, hits, strict=True)])


def _ranking(results) -> list[tuple[int, float]]:
    """(uid, score) of what the backend returned, in the same fixed order."""
    return _in_order([(tantivy_indexing.uid(h.key), round(h.score, 3)) for h in results.hits])


def _in_order(ranking: list[tuple[int, float]]) -> list[tuple[int, float]]:
    """Highest score first, equal scores in a fixed order (the engine's own order for ties
    depends on where documents sit in the index)."""
    return sorted(ranking, key=lambda pair: (-pair[1], pair[0]))


@pytest.fixture
def as_if_large(monkeypatch):
    """The corpus is small enough for every query to count as having few matches, which are
    all scored and counted in one pass; lift that (it is tested on its own below) so that the
    shortcuts of a large catalog run."""
    monkeypatch.setattr(tantivy_ranking, "FEW_MATCHES", 0)


def _spy(monkeypatch, name: str) -> list[bool]:
    """Records, per call of the ranking function `name`, whether it produced a ranking."""
    calls: list[bool] = []
    original = getattr(tantivy_ranking, name)

    def spy(*args, **kwargs):
        ranked = original(*args, **kwargs)
        calls.append(ranked is not None)
        return ranked

    monkeypatch.setattr(tantivy_ranking, name, spy)
    return calls


@pytest.fixture
def head_first_calls(monkeypatch, as_if_large):
    """Per query ranked relevance-first, whether a first pass produced the ranking."""
    return _spy(monkeypatch, "ranked_head_first")


@pytest.fixture
def pass_calls(monkeypatch, as_if_large):
    """The same, per first pass."""
    return {name: _spy(monkeypatch, f"ranked_by_{name}") for name in ("terms", "titles")}


def _queries() -> list[str]:
    titles = [j.query for j in evaluation.load(JUDGED) if j.kind in ("title", "partial")]
    return COMMON + MULTI + titles


@pytest.fixture
def without_title_pass(monkeypatch):
    """The title pass goes first, and on the corpus it ranks nearly every common term; skip
    it as a word in very many titles makes it, so that the term pass ranks them."""
    monkeypatch.setattr(tantivy_ranking, "HEAD_CANDIDATES", 0)


@pytest.mark.parametrize(
    ("filters", "by_titles"),
    [(Filters(), len(COMMON) // 2), (Filters(year=2019), 1), (Filters(validity="valid"), 1)],
    ids=["unfiltered", "year", "validity"],
)
def test_head_first_ranking_equals_scoring_every_match(
    corpus_index, pass_calls, filters, by_titles
):
    for q in _queries():
        results = corpus_index.search(parse(q), filters, limit=10, count=False)
        assert _ranking(results) == _full_ranking(corpus_index, q, filters), q
    # The shortcut must actually be taken, or this test compares full evaluation with itself.
    assert sum(pass_calls["titles"]) >= by_titles, pass_calls


def test_the_term_pass_ranking_equals_scoring_every_match(
    corpus_index, pass_calls, without_title_pass
):
    for q in _queries():
        results = corpus_index.search(parse(q), Filters(), limit=10, count=False)
        assert _ranking(results) == _full_ranking(corpus_index, q, Filters()), q
    assert sum(pass_calls["terms"]) >= len(COMMON) // 2, pass_calls


def test_the_term_pass_keeps_a_document_titled_the_word_that_it_did_not_pick(
    indexed, monkeypatch, as_if_large, pass_calls, without_title_pass
):
    """The pass ranks the word's field terms alone, without the boost of a title equal to the
    word; such a document must still come first even when the terms alone rank it low."""
    many = "管理" * 30
    indexed(
        *[doc(f"管理管理{n}", body=many) for n in range(6)],
        doc("管理", key="exact", body="无关内容"),
    )
    monkeypatch.setattr(tantivy_ranking, "HEAD_DEPTH", 2)
    engine = services.backend()
    results = engine.search(parse("管理"), Filters(), limit=1, count=False)
    assert pass_calls["terms"] == [True]
    assert [hit.key for hit in results.hits] == ["exact"]
    assert _ranking(results) == _full_ranking(engine, "管理", Filters(), need=1)


def test_a_deep_page_is_ranked_by_scoring_every_match(corpus_index, head_first_calls):
    results = corpus_index.search(parse("条例"), Filters(), offset=60, limit=10, count=False)
    assert head_first_calls == []
    full = _full_ranking(corpus_index, "条例", Filters(), need=70)[60:]
    assert _ranking(results) == full


def test_a_large_total_is_estimated_from_the_sample(corpus_index, as_if_large):
    built = corpus_index.build(parse("规定"), Filters())
    exact = corpus_index.index.searcher().search(built, 1, count=True).count
    results = corpus_index.search(parse("规定"), Filters())
    assert results.approximate
    assert results.total % tantivy_schema.SAMPLE_BUCKETS == 0
    assert abs(results.total - exact) / exact < 0.3, (results.total, exact)


@pytest.mark.parametrize(
    ("q", "filters"),
    [
        ("规定", Filters()),
        ("行政许可 实施", Filters()),
        ("低保 OR 救助", Filters()),
        ("条例 -废止", Filters(year=2019)),
        ("政府信息公开条例", Filters(validity="valid")),
        ("国办发〔2019〕26号", Filters()),
        ("", Filters(year=2019)),
    ],
)
def test_the_sample_required_at_each_lookup_holds_what_the_query_holds_in_it(
    corpus_index, q, filters
):
    """The sample is required at each field lookup (cheaper than around the whole query):
    the same documents either way."""
    searcher = corpus_index.index.searcher()
    query = parse(q)
    query.match_all = not q  # as the service asks for every item when only filters are set
    sample = tantivy.Query.term_query(corpus_index.schema, "sample", 0)
    around = tantivy_querying.within(corpus_index.build(query, filters, scored=False), sample)
    at_lookups = corpus_index.build(query, filters, scored=False, sampled=True)
    expected = searcher.search(around, 1, count=True).count
    assert searcher.search(at_lookups, 1, count=True).count == expected, q
    if q != "国办发〔2019〕26号":
        assert expected > 0, q


def test_a_small_total_is_counted_exactly(corpus_index):
    q = "政府信息公开条例"
    built = corpus_index.build(parse(q), Filters())
    exact = corpus_index.index.searcher().search(built, 1, count=True).count
    results = corpus_index.search(parse(q), Filters())
    assert not results.approximate
    assert results.total == exact


def test_the_page_and_the_api_say_when_a_total_is_estimated(corpus_index, as_if_large, client, db):
    page = services.search(services.SearchRequest(q="规定"))
    assert page.approximate
    agency_counts = [count for _, _, count in page.facets["agency"]]
    assert agency_counts and all(n % tantivy_schema.SAMPLE_BUCKETS == 0 for n in agency_counts)
    html = client.get("/search/", {"q": "规定"}).content.decode()
    assert f"找到约 {page.total_label} 条结果" in html
    data = client.get("/api/public/search/", {"q": "规定"}).json()
    assert data["total_approximate"] is True
    assert data["total"] == page.total
    exact = client.get("/api/public/search/", {"q": "政府信息公开条例"}).json()
    assert exact["total_approximate"] is False


@pytest.mark.parametrize(
    ("limit", "value", "q"),
    [("HEAD_CANDIDATES", 10, "条例 规定"), ("FEW_MATCHES", 1_000_000, "信息公开")],
    ids=["many title matches", "few possible matches"],
)
def test_the_first_pass_is_skipped(corpus_index, head_first_calls, monkeypatch, limit, value, q):
    monkeypatch.setattr(tantivy_ranking, limit, value)
    results = corpus_index.search(parse(q), Filters(), count=False)
    assert head_first_calls == [False]
    assert _ranking(results) == _full_ranking(corpus_index, q, Filters())


@pytest.mark.parametrize(
    ("q", "filters"),
    [("条例 规定", Filters()), ("条例第二十", Filters()), ("条例", Filters(year=2019))],
    ids=["two words", "a phrase", "filtered"],
)
def test_the_term_pass_leaves_what_it_cannot_rank(
    corpus_index, pass_calls, without_title_pass, q, filters
):
    """Block skipping needs a plain disjunction of one word's terms: several words, a phrase
    of bigrams and a filter each go to the title pass or to full scoring instead."""
    results = corpus_index.search(parse(q), filters, count=False)
    assert pass_calls["terms"] == [False]
    assert _ranking(results) == _full_ranking(corpus_index, q, filters)


def test_the_command_says_when_a_total_is_estimated(corpus_index, as_if_large, db):
    out = io.StringIO()
    call_command("search", "规定", stdout=out)
    assert re.search(r"共 约 [\d,]+ 条", out.getvalue()), out.getvalue()


@pytest.mark.parametrize(
    ("total", "label"), [(561_856, "56万"), (15_872, "1.6万"), (99_999, "10万"), (2_560, "2600")]
)
def test_an_estimated_total_is_shown_rounded(total, label):
    page = services.SearchPage(
        request=services.SearchRequest(q="x"),
        query=parse("x"),
        total=total,
        results=[],
        page=1,
        num_pages=1,
        approximate=True,
    )
    assert page.total_label == label


def test_a_one_word_query_scores_its_title_phrase_once_with_both_boosts(corpus_index, monkeypatch):
    """The known-item boost of a one-word query is folded into the word's own title weight;
    the scores are those of the two separate title scorers."""
    queries = [j.query for j in evaluation.load(JUDGED) if j.kind in ("title", "partial")]
    queries += ["人民政府", "环境保护", "政府信息公开条例"]
    folded = {q: _full_ranking(corpus_index, q, Filters()) for q in queries}
    monkeypatch.setattr(tantivy_querying, "single_part", lambda query: None)
    separate = {q: _full_ranking(corpus_index, q, Filters()) for q in queries}
    assert folded == separate
    assert sum(bool(ranking) for ranking in folded.values()) >= len(queries) - 2


def test_the_switch_turns_every_shortcut_off_and_the_ranking_stays(
    corpus_index_dir, settings, monkeypatch, as_if_large
):
    """GONGKAI_SEARCH_SHORTCUTS off (what bench/search.py compares with): no first pass, no
    covering phrase, no shared title scorer, and the same top 10 as with them."""
    used: list[str] = []
    for module, name in (
        (tantivy_ranking, "ranked_head_first"),
        (tantivy_querying.QueryBuilder, "covering_phrase"),
    ):
        original = getattr(module, name)

        def spy(*args, _original=original, _name=name, **kwargs):
            used.append(_name)
            return _original(*args, **kwargs)

        monkeypatch.setattr(module, name, spy)
    queries = [*_queries(), "国务院办公厅关于印发"]
    settings.GONGKAI_SEARCH_INDEX_DIR = str(corpus_index_dir)
    rankings = {}
    for on in (True, False):
        settings.GONGKAI_SEARCH_SHORTCUTS = on
        services.reset_backend()
        engine = services.backend()
        assert engine.shortcuts is on
        used.clear()
        rankings[on] = {
            q: [(h.key, h.score) for h in engine.search(parse(q), Filters(), count=False).hits]
            for q in queries
        }
        expected = {"ranked_head_first", "covering_phrase"} if on else set()
        assert set(used) == expected, on
    services.reset_backend()
    for q in queries:
        with_shortcuts, without = rankings[True][q], rankings[False][q]
        assert [key for key, _ in with_shortcuts] == [key for key, _ in without], q
        for (_, a), (_, b) in zip(with_shortcuts, without, strict=True):
            assert abs(a - b) <= 1e-4 * b, q
