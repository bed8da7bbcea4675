"""What keeps common terms fast at a million documents gives the answers full evaluation gives.

The backend ranks the title and summary matches first and re-scores the best of them in full,
keeping that ranking only when no other document could beat it; and it estimates large totals
from a sample bucket. Both are compared here with scoring and counting every match, over the
shared corpus.
"""

import io
import re
from pathlib import Path

import pytest
from django.core.management import call_command

from gongkai.search import evaluation, services
from gongkai.search.backends import tantivy_backend
from gongkai.search.backends.base import Filters
from gongkai.search.query import parse

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
    return _in_order([(tantivy_backend.uid(h.key), round(h.score, 3)) for h in results.hits])


def _in_order(ranking: list[tuple[int, float]]) -> list[tuple[int, float]]:
    """Highest score first, equal scores in a fixed order (the engine's own order for ties
    depends on where documents sit in the index)."""
    return sorted(ranking, key=lambda pair: (-pair[1], pair[0]))


@pytest.fixture
def as_if_large(monkeypatch):
    """The corpus is small enough for every query to count as having few matches, which are
    all scored and counted in one pass; lift that (it is tested on its own below) so that the
    shortcuts of a large catalog run."""
    monkeypatch.setattr(tantivy_backend, "FEW_MATCHES", 0)


@pytest.fixture
def head_first_calls(monkeypatch, as_if_large):
    """Records, per call of the head-first pass, whether it produced the ranking."""
    calls: list[bool] = []
    original = tantivy_backend.TantivyBackend._ranked_head_first

    def spy(self, *args, **kwargs):
        ranked = original(self, *args, **kwargs)
        calls.append(ranked is not None)
        return ranked

    monkeypatch.setattr(tantivy_backend.TantivyBackend, "_ranked_head_first", spy)
    return calls


def _queries() -> list[str]:
    titles = [j.query for j in evaluation.load(JUDGED) if j.kind in ("title", "partial")]
    return COMMON + MULTI + titles


@pytest.mark.parametrize(
    ("filters", "taken_at_least"),
    [(Filters(), len(COMMON) // 2), (Filters(year=2019), 1), (Filters(validity="valid"), 1)],
    ids=["unfiltered", "year", "validity"],
)
def test_head_first_ranking_equals_scoring_every_match(
    corpus_index, head_first_calls, filters, taken_at_least
):
    for q in _queries():
        results = corpus_index.search(parse(q), filters, limit=10, count=False)
        assert _ranking(results) == _full_ranking(corpus_index, q, filters), q
    # The shortcut must actually be taken, or this test compares full evaluation with itself.
    assert sum(head_first_calls) >= taken_at_least, head_first_calls


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
    assert results.total % tantivy_backend.SAMPLE_BUCKETS == 0
    assert abs(results.total - exact) / exact < 0.3, (results.total, exact)


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
    assert agency_counts and all(n % tantivy_backend.SAMPLE_BUCKETS == 0 for n in agency_counts)
    html = client.get("/search/", {"q": "规定"}).content.decode()
    assert f"找到约 {page.total_label} 条结果" in html
    data = client.get("/api/public/search/", {"q": "规定"}).json()
    assert data["total_approximate"] is True
    assert data["total"] == page.total
    exact = client.get("/api/public/search/", {"q": "政府信息公开条例"}).json()
    assert exact["total_approximate"] is False


@pytest.mark.parametrize(
    ("limit", "value", "q"),
    [("HEAD_CANDIDATES", 10, "条例"), ("FEW_MATCHES", 1_000_000, "信息公开")],
    ids=["many title matches", "few possible matches"],
)
def test_the_first_pass_is_skipped(corpus_index, head_first_calls, monkeypatch, limit, value, q):
    monkeypatch.setattr(tantivy_backend, limit, value)
    results = corpus_index.search(parse(q), Filters(), count=False)
    assert head_first_calls == [False]
    assert _ranking(results) == _full_ranking(corpus_index, q, Filters())


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
    monkeypatch.setattr(tantivy_backend, "_single_part", lambda query: None)
    separate = {q: _full_ranking(corpus_index, q, Filters()) for q in queries}
    assert folded == separate
    assert sum(bool(ranking) for ranking in folded.values()) >= len(queries) - 2
