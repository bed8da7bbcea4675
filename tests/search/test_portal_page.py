"""The portal's search page: results, highlighting, facets, paging, suggestions, markup."""

import re

import pytest

from .conftest import doc

pytestmark = pytest.mark.django_db


@pytest.fixture
def many(indexed):
    indexed(
        *[
            doc(f"关于做好第{i}批安全生产检查的通知", genre="通知" if i % 2 else "公告")
            for i in range(25)
        ],
        doc("关于优化营商环境的意见"),
    )


def test_results_with_highlights_and_facets(many, client):
    html = client.get("/search/", {"q": "安全生产"}).content.decode()
    assert "找到 25 条结果" in html
    assert "<mark>安全生产</mark>" in html
    assert 'aria-labelledby="facet-genre"' in html
    assert re.search(r"通知</a> <span class=\"count\">12</span>", html)
    assert 'role="search"' in html


def test_facet_link_filters(many, client):
    html = client.get("/search/", {"q": "安全生产", "genre": "公告"}).content.decode()
    assert "找到 13 条结果" in html
    assert 'aria-current="true" class="selected">公告</a>' in html
    assert "不限体裁" in html


def test_paging_links_keep_the_query(many, client):
    html = client.get("/search/", {"q": "安全生产", "page": 2}).content.decode()
    assert "第 2 / 3 页" in html
    assert 'href="?q=%E5%AE%89%E5%85%A8%E7%94%9F%E4%BA%A7&amp;page=3"' in html
    assert 'rel="prev"' in html
    assert '<ol class="result-list" start="11">' in html


def test_suggestion_link(many, client):
    html = client.get("/search/", {"q": "营商坏境"}).content.decode()
    assert "您是不是要找" in html
    assert "?q=%E8%90%A5%E5%95%86%E7%8E%AF%E5%A2%83" in html
    assert "没有找到符合条件的政府信息" in html


def test_the_empty_page_has_the_form_only(client, index):
    html = client.get("/search/").content.decode()
    assert 'id="search-q"' in html
    assert "找到" not in html


def test_the_header_search_box_leads_here(client, db):
    html = client.get("/").content.decode()
    assert 'action="/search/"' in html
