"""`gongkai import items`: bad lines are reported by number and the good ones kept; re-running
updates instead of duplicating; `--published` is for agency admins and still leaves a signed
review behind every public version."""

import json

import pytest
from django.core.management import call_command

from gongkai.catalog.models import InfoItem, ItemStatus
from gongkai.catalog.services import values_digest
from gongkai.core.models import AuditEvent
from gongkai.review.models import Review, ReviewState
from tests.conftest import make_staff

pytestmark = pytest.mark.django_db

GOOD = {
    "title": "国务院关于印发《某某规划》的通知",
    "doc_no": "国发〔2019〕5号",
    "agency": "国务院",
    "date": "2019-03-01",
    "body": "各省、自治区、直辖市人民政府：现将《某某规划》印发给你们，请认真贯彻执行。",
    "src": "govcn",
}


def _write(path, rows):
    path.write_text(
        "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows)
        + "\n",
        encoding="utf-8",
    )
    return path


def _run(path, agency, user, *extra):
    args = ["items", str(path), "--agency", agency.credit_code, "--user", user.username]
    args += ["--map", "publisher=agency", "--map", "written_on=date", *extra]
    try:
        call_command("import", *args)
    except SystemExit as exc:
        return exc.code
    return 0


def test_bad_lines_are_reported_and_good_ones_kept(agency_a, tmp_path, capsys):
    clerk = make_staff(agency_a, "clerk")
    rows = [
        GOOD,
        GOOD | {"title": ""},
        "{not json",
        GOOD | {"title": "第二份通知", "doc_no": "关于某事"},
        GOOD | {"title": "第三份通知", "topic": "不存在的分类"},
        GOOD | {"title": "第四份通知", "doc_no": "国发[2019]06号", "topic": "综合政务\\政务公开"},
    ]
    code = _run(_write(tmp_path / "items.jsonl", rows), agency_a, clerk)
    out, err = capsys.readouterr()
    assert code == 1
    assert "第 2 行：缺少标题（title）" in err
    assert "第 3 行：不是有效的 JSON" in err
    assert "第 4 行：文号“关于某事”不符合" in err
    assert "第 5 行：主题分类“不存在的分类”不存在" in err
    assert "新增 2" in out and "出错 4" in out
    assert "已规范为“国发〔2019〕6号”" in out
    assert "src" in out  # unknown fields are named, not silently dropped
    titles = set(InfoItem.objects.values_list("current_version__title", flat=True))
    assert titles == {GOOD["title"], "第四份通知"}
    assert set(InfoItem.objects.values_list("status", flat=True)) == {ItemStatus.DRAFT}
    assert not InfoItem.objects.public().exists()
    # One audit record names the importer and fingerprints every new item's values.
    event = AuditEvent.objects.get(action="catalog_import")
    assert event.actor_id == clerk.pk
    digests = {row[1]: row[3] for row in event.after["items"]}
    for item in InfoItem.objects.select_related("current_version"):
        assert digests[item.index_no] == values_digest(item, item.current_version)


def test_rerunning_updates_and_never_duplicates(agency_a, tmp_path, capsys):
    clerk = make_staff(agency_a, "clerk")
    path = _write(tmp_path / "items.jsonl", [GOOD, GOOD | {"title": "另一份"}])
    _run(path, agency_a, clerk)
    _run(path, agency_a, clerk)
    assert "未变 2" in capsys.readouterr().out
    _write(path, [GOOD | {"body": "更正后的正文"}])
    _run(path, agency_a, clerk)
    assert InfoItem.objects.count() == 2
    item = InfoItem.objects.get(current_version__title=GOOD["title"])
    assert item.current_version.body == "更正后的正文"


def test_a_legacy_index_number_is_kept_and_a_collision_refused(
    agency_a, agency_b, tmp_path, capsys
):
    legacy = "000014349/2019-00123"
    _run(
        _write(tmp_path / "a.jsonl", [GOOD | {"index_no": legacy}]),
        agency_a,
        make_staff(agency_a, "clerk"),
    )
    assert InfoItem.objects.get().index_no == legacy
    code = _run(
        _write(tmp_path / "b.jsonl", [GOOD | {"index_no": legacy}]),
        agency_b,
        make_staff(agency_b, "clerk"),
    )
    assert code == 1
    assert "索引号“000014349/2019-00123”已被其他机关的信息使用" in capsys.readouterr().err
    assert InfoItem.objects.count() == 1


def test_only_an_agency_admin_may_import_as_published(agency_a, tmp_path):
    path = _write(tmp_path / "items.jsonl", [GOOD])
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="机关管理员"):
        _run(path, agency_a, make_staff(agency_a, "clerk"), "--published")
    assert not InfoItem.objects.exists()


def test_published_import_keeps_dates_and_a_signed_migration_review(agency_a, tmp_path):
    admin = make_staff(agency_a, "agency_admin", full_name="吴晓梅")
    rows = [GOOD | {"published_at": "2019-03-05"}]
    _run(_write(tmp_path / "items.jsonl", rows), agency_a, admin, "--published")
    item = InfoItem.objects.public().get()
    assert item.first_published_at.date().isoformat() == "2019-03-05"
    assert item.current_version.written_on.isoformat() == "2019-03-01"
    # The same year rule as the workbench: the 成文日期's year.
    assert item.index_no == f"{agency_a.credit_code}/2019-00001"
    assert item.current_version.publisher == "国务院"
    migration = Review.objects.get(version=item.published_version)
    assert (migration.state, migration.is_migration) == (ReviewState.APPROVED, True)
    assert migration.opinions.get().reviewer == admin
    event = AuditEvent.objects.get(action="publish_migrated")
    assert event.actor_id == admin.pk
    _run(_write(tmp_path / "items.jsonl", rows), agency_a, admin, "--published")
    assert Review.objects.count() == 1


def test_compressed_corpus_files_are_read(agency_a, tmp_path):
    import lzma

    path = tmp_path / "items.jsonl.xz"
    path.write_bytes(lzma.compress((json.dumps(GOOD, ensure_ascii=False) + "\n").encode()))
    assert _run(path, agency_a, make_staff(agency_a, "clerk")) == 0
    assert InfoItem.objects.count() == 1
