"""An index that cannot answer (built by another version) gives readers a plain notice and a
503, never a 500, and tells the operator what to do."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from gongkai.search import services, words
from gongkai.search.backends.tantivy_backend import TantivyBackend

from .conftest import doc, titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def outdated(settings, tmp_path):
    """An index as an older version left it: no frequent-word list beside it."""
    path = tmp_path / "index"
    engine = TantivyBackend(path)
    engine.upsert([doc("关于做好政府信息公开工作的通知")])
    engine.commit()
    (path / words.FILE_NAME).unlink()
    settings.GONGKAI_SEARCH_INDEX_DIR = str(path)
    services.reset_backend()
    yield path
    services.reset_backend()


def test_the_page_says_search_is_unavailable(client, outdated):
    response = client.get("/search/", {"q": "通知"})
    assert response.status_code == 503
    html = response.content.decode()
    assert services.UNAVAILABLE in html and "检索暂时不可用" in html
    assert "找到" not in html and str(outdated) not in html


def test_the_api_says_so_too(client, outdated):
    response = client.get("/api/public/search/", {"q": "通知"})
    assert response.status_code == 503
    assert response.json()["notices"] == [services.UNAVAILABLE]


def test_the_command_tells_the_operator_to_rebuild(outdated):
    with pytest.raises(CommandError, match="gongkai reindex"):
        call_command("search", "通知")


def test_a_rebuild_brings_search_back(client, outdated):
    call_command("reindex", "--source", ONE_NOTICE)
    response = client.get("/search/", {"q": "通知"})
    assert response.status_code == 200
    assert "找到 1 条结果" in response.content.decode()


def test_a_start_rebuilds_an_index_that_cannot_answer(client, outdated):
    """`make run`, and a deployment, run `gongkai reindex --if-unavailable` at every start."""
    out = io.StringIO()
    call_command("reindex", "--if-unavailable", "--source", ONE_NOTICE, stdout=out)
    assert "现在重建" in out.getvalue()
    assert services.unavailable() is None
    assert "找到 1 条结果" in client.get("/search/", {"q": "通知"}).content.decode()


def test_a_start_leaves_a_usable_index_alone(indexed):
    indexed(doc("关于开展安全生产检查的通知"))
    out = io.StringIO()
    call_command("reindex", "--if-unavailable", "--source", ONE_NOTICE, stdout=out)
    assert "无需重建" in out.getvalue()
    # A rebuild from that source would have dropped the document it does not hold.
    assert titles("安全生产检查") == ["关于开展安全生产检查的通知"]


ONE_NOTICE = "tests.search.test_index_unavailable.OneNotice"


class OneNotice:
    def count(self) -> int:
        return 1

    def documents(self):
        yield doc("关于做好政府信息公开工作的通知")
