"""A natural query whose words appear only apart does not end at zero: the best partial
matches are listed, with a notice, on the page, in the API and from `gongkai search`."""

import json

import pytest
from django.core.management import call_command

from gongkai.review.demo import PUBLISHED
from gongkai.search.query import parse

from .conftest import doc, search

pytestmark = pytest.mark.django_db

# The demo county's published notices, as the catalog indexes them: the first says
# 城乡居民最低生活保障标准, never 低保标准 or 城乡低保.
ALLOWANCE, BUDGET, RULES = (title for title, *_ in PUBLISHED)


@pytest.fixture
def demo_items(indexed):
    indexed(*[doc(title, body=body) for title, _, _, _, _, body in PUBLISHED])


@pytest.mark.parametrize("q", ["低保标准", "城乡低保"])
def test_words_that_appear_apart_find_the_item_with_a_notice(demo_items, q):
    page = search(q)
    assert page.relaxed
    assert page.results[0].hit.title == ALLOWANCE
    assert f"未找到完整包含“{q}”的信息，以下是部分匹配的结果。" in page.notices
    # The matched words are marked, 低保 through its synonym.
    assert "<mark>最低生活保障</mark>" in page.results[0].title_html
    for word in ("城乡", "标准"):
        if word in q:
            assert f"<mark>{word}</mark>" in page.results[0].title_html


def test_a_document_holding_more_of_the_words_ranks_first(indexed):
    indexed(
        doc("关于公布标准的通知", key="one", body="标准" * 40),
        doc("城乡居民最低生活保障标准", key="both"),
    )
    page = search("低保标准")
    assert page.relaxed
    assert [r.hit.key for r in page.results] == ["both", "one"]


def test_a_query_found_whole_is_not_relaxed(indexed):
    indexed(doc("关于调整低保标准的通知", key="whole"), doc("最低生活保障", key="part"))
    page = search("低保标准")
    assert not page.relaxed
    assert [r.hit.key for r in page.results] == ["whole"]
    assert not any("部分匹配" in notice for notice in page.notices)


def test_a_single_word_found_nowhere_still_finds_nothing(demo_items):
    page = search("防汛")
    assert page.total == 0 and not page.relaxed
    assert parse("防汛").relax() is None


def test_the_relaxed_query_keeps_each_word_with_its_synonyms():
    relaxed = parse("低保标准").relax()
    assert relaxed.relaxed
    assert [[t.text for t in c.alternatives] for c in relaxed.clauses] == [
        ["低保", "最低生活保障"],
        ["标准"],
    ]


def test_the_api_and_the_command_say_so(demo_items, client, capsys):
    data = client.get("/api/public/search/", {"q": "低保标准"}).json()
    assert data["relaxed"] is True
    assert data["results"][0]["title"] == ALLOWANCE
    assert "未找到完整包含“低保标准”的信息，以下是部分匹配的结果。" in data["notices"]
    assert client.get("/api/public/search/", {"q": "最低生活保障"}).json()["relaxed"] is False

    call_command("search", "低保标准", "--json")
    assert json.loads(capsys.readouterr().out)["relaxed"] is True
    call_command("search", "城乡低保")
    captured = capsys.readouterr()
    assert "（部分匹配）" in captured.out and ALLOWANCE in captured.out
    assert "未找到完整包含“城乡低保”的信息" in captured.err


def test_the_page_shows_the_notice_and_marks_the_words(demo_items, client):
    html = client.get("/search/", {"q": "城乡低保"}).content.decode()
    assert "未找到完整包含“城乡低保”的信息，以下是部分匹配的结果。" in html
    assert "<mark>城乡</mark>" in html and "<mark>最低生活保障</mark>" in html
