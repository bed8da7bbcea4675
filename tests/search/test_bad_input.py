"""Whatever is typed or put in the address bar gets a helpful page, never an error. (How fast
it answers is measured in bench/search.py, not here: a wall-clock bound fails on a busy machine.)"""

import pytest

from .conftest import doc

pytestmark = pytest.mark.django_db

BAD_QUERIES = [
    "",
    "   ",
    "政府信息公开" * 1700,
    "a" * 10_000,
    '"信息公开 条例',
    "“信息公开",
    "*",
    "?",
    "信息*",
    "' OR 1=1; DROP TABLE search_indexchange; --",
    "%_%",
    "^(a+)+$",
    "[[[[",
    "\\",
    "-",
    "OR",
    "- - -",
    "OR OR 信息",
    '""',
    "<script>alert(1)</script>",
    "信息\x00公开",
]


@pytest.fixture
def some(indexed):
    indexed(*[doc(f"关于政府信息公开工作的第{i}号通知", body="信息公开" * 50) for i in range(60)])


@pytest.mark.parametrize("q", BAD_QUERIES)
def test_bad_queries_on_the_page_and_the_api(some, client, q):
    page = client.get("/search/", {"q": q})
    api = client.get("/api/public/search/", {"q": q})
    assert page.status_code == 200
    assert api.status_code == 200
    assert "<script>alert(1)</script>" not in page.content.decode()


def test_empty_query_says_what_to_do(some, client):
    data = client.get("/api/public/search/", {"q": "*"}).json()
    assert data["total"] == 0
    assert data["notices"] == ["检索词中没有可检索的文字，请输入汉字、字母或数字。"]


def test_a_lone_surrogate_arriving_as_bytes(some, client):
    # A UTF-16 surrogate encoded as UTF-8 is invalid; Django replaces it, the search goes on.
    response = client.get("/search/?q=%ED%A0%80%E4%BF%A1%E6%81%AF")
    assert response.status_code == 200
    assert "找到" in response.content.decode()


def test_lone_surrogate_in_the_service(some):
    from gongkai.search import services

    page = services.search(services.SearchRequest(q="信息\ud800公开"))
    assert page.total == 60


@pytest.mark.parametrize("page", ["1000000000", "999999999999999999999999", "-3", "0", "abc"])
def test_any_page_number(some, client, page):
    data = client.get("/api/public/search/", {"q": "信息公开", "page": page}).json()
    assert data["total"] == 60
    assert data["results"]
    assert data["notices"]


def test_page_far_past_the_end(some, client):
    data = client.get("/api/public/search/", {"q": "信息公开", "page": "1000000000"}).json()
    assert data["page"] == data["num_pages"] == 6
    assert "已显示最后一页" in data["notices"][-1]


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("year", "二〇二四"),
        ("year", "99999"),
        ("date_from", "2024-13-45"),
        ("agency", "x"),
        ("validity", "nonsense"),
        ("sort", "random()"),
        ("page_size", "100000"),
    ],
)
def test_bad_filters_are_ignored_with_a_notice(some, client, name, value):
    data = client.get("/api/public/search/", {"q": "信息公开", name: value}).json()
    assert data["total"] == 60
    assert any("无效" in notice for notice in data["notices"])


def test_dates_in_the_wrong_order_are_swapped(some, client):
    data = client.get(
        "/api/public/search/", {"q": "信息公开", "date_from": "2025-01-01", "date_to": "2023-01-01"}
    ).json()
    assert data["total"] == 60
    assert "起始日期晚于截止日期，已对调。" in data["notices"]
