"""An index holding fewer public documents than the database says it should (emptied, or
left half-filled) is reported by `gongkai reindex --check` and rebuilt at start by
`gongkai reindex --if-unavailable`, which no longer takes it for a usable one."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from gongkai.search import services

from .conftest import doc, titles
from .test_reindex import DOCUMENTS, ListSource

pytestmark = pytest.mark.django_db

SOURCE = "tests.search.test_reindex.ListSource"


def test_check_reports_a_short_index(indexed):
    indexed(DOCUMENTS[0], doc("已经删除的旧文件", status="draft"))
    with pytest.raises(CommandError, match="检索索引缺少 2 条") as raised:
        call_command("reindex", "--check", "--source", SOURCE)
    assert raised.value.returncode == 1
    assert "索引中有 1 条公开文档，数据库中应有 3 条" in str(raised.value)


def test_check_reports_an_empty_index(index):
    with pytest.raises(CommandError, match="检索索引缺少 3 条"):
        call_command("reindex", "--check", "--source", SOURCE)


def test_changes_still_queued_are_no_shortfall(index, settings):
    settings.GONGKAI_SEARCH_SYNC_INLINE = False
    for document in DOCUMENTS:
        services.enqueue_upsert(document)
    assert services.shortfall(ListSource()) is None


def test_check_passes_a_complete_index(indexed):
    indexed(*DOCUMENTS)
    out = io.StringIO()
    call_command("reindex", "--check", "--source", SOURCE, stdout=out)
    assert "检索索引可用，文档数与数据库一致" in out.getvalue()


def test_a_start_rebuilds_a_short_index(indexed):
    indexed(DOCUMENTS[0])
    out = io.StringIO()
    call_command(
        "reindex", "--if-unavailable", "--source", SOURCE, stdout=out, stderr=io.StringIO()
    )
    assert "检索索引缺少 2 条" in out.getvalue() and "现在重建" in out.getvalue()
    assert titles("抗旱") == ["关于做好抗旱工作的通知", "关于做好防汛工作的通知"]
    assert services.shortfall(ListSource()) is None
