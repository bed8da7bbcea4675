"""The public API and `gongkai search` give the same ranked results as the page."""

import json

import pytest
from django.core.management import call_command

from .conftest import doc

pytestmark = pytest.mark.django_db


@pytest.fixture
def two(indexed):
    indexed(
        doc(
            "政府信息公开工作年度报告",
            index_number="000001/2024-00001",
            doc_number="甲政〔2024〕1号",
        ),
        doc("关于政府信息公开的补充说明", index_number="000001/2024-00002"),
    )


def test_api(two, client):
    data = client.get("/api/public/search/", {"q": "政府信息公开"}).json()
    assert data["total"] == 2
    first = data["results"][0]
    assert first["title"] == "政府信息公开工作年度报告"
    assert first["index_number"] == "000001/2024-00001"
    assert first["score"] > data["results"][1]["score"]
    assert {"kind", "agency", "topic", "genre", "year"} == set(data["facets"])


def test_api_refuses_writes(two, client):
    assert client.post("/api/public/search/", {"q": "x"}).status_code in (403, 405)


def test_command_json(two, capsys):
    call_command("search", "政府信息公开", "--json")
    data = json.loads(capsys.readouterr().out)
    assert data["total"] == 2
    assert [r["index_number"] for r in data["results"]] == [
        "000001/2024-00001",
        "000001/2024-00002",
    ]
    assert set(data["results"][0]) >= {"index_number", "title", "score"}


def test_command_text(two, capsys):
    call_command("search", "甲政〔2024〕1号")
    out = capsys.readouterr().out
    assert "共 1 条" in out
    assert "政府信息公开工作年度报告" in out


def test_command_can_search_the_word_sync(two, capsys):
    call_command("search", "--query", "sync")
    assert "共 0 条" in capsys.readouterr().out
