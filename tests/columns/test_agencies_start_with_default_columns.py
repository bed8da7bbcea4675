"""A new agency starts with the default columns, fed by their genres, with the cycle of their
kind; seeding again adds only what is missing."""

from datetime import timedelta

from gongkai.columns.seeding import ensure_default_columns


def test_a_new_agency_has_the_default_columns(agency_a):
    columns = {c.name: c for c in agency_a.columns.prefetch_related("genres")}
    assert set(columns) == {"工作动态", "通知公告", "政策文件", "财政预决算"}
    assert columns["工作动态"].update_cycle == timedelta(days=14)
    assert columns["通知公告"].update_cycle == timedelta(days=183)
    assert {g.name for g in columns["通知公告"].genres.all()} == {"通知", "通告", "公告"}


def test_seeding_again_keeps_what_the_agency_changed(agency_a):
    news = agency_a.columns.get(name="工作动态")
    news.update_cycle = timedelta(days=7)
    news.save()
    agency_a.columns.filter(name="财政预决算").delete()
    assert [c.name for c in ensure_default_columns(agency_a)] == ["财政预决算"]
    news.refresh_from_db()
    assert news.update_cycle == timedelta(days=7)
