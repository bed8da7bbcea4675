"""The index follows the catalog through the durable change queue, and loses nothing."""

import gc

import pytest

from gongkai.search import services
from gongkai.search.backends.tantivy_backend import TantivyBackend
from gongkai.search.models import IndexChange

from .conftest import doc, titles

pytestmark = pytest.mark.django_db


def _restart() -> None:
    """What a new process sees: no backend object, no writer, the index as on disk."""
    services.reset_backend()
    gc.collect()


def test_a_committed_change_is_searchable_at_once(index, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.enqueue_upsert(doc("关于开展安全生产大检查的通知"))
    assert titles("安全生产") == ["关于开展安全生产大检查的通知"]
    assert services.pending() == 0


def test_a_rolled_back_change_leaves_no_trace(index, django_capture_on_commit_callbacks):
    from django.db import transaction

    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        services.enqueue_upsert(doc("不会公开的草稿"))
        raise RuntimeError("the publication failed")
    assert IndexChange.objects.count() == 0
    assert titles("草稿") == []


def test_update_and_withdraw(index):
    first = doc("关于春节放假的通知")
    services.enqueue_upsert(first)
    services.sync()
    services.enqueue_upsert(doc("关于国庆节放假的通知", key=first.key))
    services.sync()
    assert titles("放假") == ["关于国庆节放假的通知"]
    services.enqueue_delete(first.key)
    services.sync()
    assert titles("放假") == []


def test_only_the_last_change_of_a_key_in_a_batch_counts(index):
    item = doc("第一版标题")
    services.enqueue_upsert(item)
    services.enqueue_delete(item.key)
    services.enqueue_upsert(doc("第三版标题", key=item.key))
    assert services.sync() == 3
    assert titles("标题") == ["第三版标题"]


def test_a_worker_killed_before_the_index_commit_loses_nothing(index, monkeypatch):
    services.enqueue_upsert(doc("关于防汛抗旱的通知"))

    def killed(self):
        raise KeyboardInterrupt("killed")

    monkeypatch.setattr(TantivyBackend, "commit", killed)
    with pytest.raises(KeyboardInterrupt):
        services.sync()
    monkeypatch.undo()
    _restart()
    assert services.pending() == 1
    assert titles("防汛") == []
    assert services.sync() == 1
    assert titles("防汛") == ["关于防汛抗旱的通知"]


def test_a_worker_killed_after_the_index_commit_replays_idempotently(index, monkeypatch):
    services.enqueue_upsert(doc("关于森林防火的通告"))
    real_filter = IndexChange.objects.filter
    calls = {"n": 0}

    def filter_then_die(*args, **kwargs):
        # The second filter call is the one that marks rows processed.
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt("killed")
        return real_filter(*args, **kwargs)

    monkeypatch.setattr(IndexChange.objects, "filter", filter_then_die)
    with pytest.raises(KeyboardInterrupt):
        services.sync()
    monkeypatch.undo()
    _restart()
    assert services.pending() == 1
    assert services.sync() == 1
    assert services.sync() == 0
    assert titles("森林防火") == ["关于森林防火的通告"]


def test_inline_sync_failure_keeps_the_change_queued(
    index, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(TantivyBackend, "commit", lambda self: (_ for _ in ()).throw(OSError))
    with django_capture_on_commit_callbacks(execute=True):
        services.enqueue_upsert(doc("关于加强水源保护的通知"))
    monkeypatch.undo()
    _restart()
    assert services.pending() == 1
    services.sync()
    assert titles("水源保护") == ["关于加强水源保护的通知"]


def test_sync_command(index, capsys):
    from django.core.management import call_command

    services.enqueue_upsert(doc("关于禁止燃放烟花爆竹的通告"))
    call_command("search", "sync")
    assert "已写入索引 1 条变更" in capsys.readouterr().out
    assert titles("烟花爆竹") == ["关于禁止燃放烟花爆竹的通告"]
