"""`gongkai import items`: an explicit 索引号 is the item's identity. Lines with distinct 索引号
and the same title (an empty 文号, as many real catalogs have) are distinct items; 文号 + title
match only a line without 索引号, and an empty 文号 matches nothing."""

import json

import pytest
from django.core.management import call_command

from gongkai.catalog.models import InfoItem, ItemVersion
from tests.conftest import make_staff

pytestmark = pytest.mark.django_db

SAME_TITLE = {"title": "关于做好2019年春节期间有关工作的通知", "doc_no": "", "date": "2019-01-20"}


def _import(path, agency, user, rows):
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", "utf-8")
    call_command(
        "import", "items", str(path), "--agency", agency.credit_code,
        "--user", user.username, "--map", "written_on=date",
    )  # fmt: skip


def test_distinct_index_numbers_are_distinct_items_and_rerunning_updates_each(agency_a, tmp_path):
    clerk = make_staff(agency_a, "clerk")
    rows = [
        SAME_TITLE | {"index_no": f"000014349/2019-0012{n}", "body": f"正文{n}"} for n in range(3)
    ]
    _import(tmp_path / "a.jsonl", agency_a, clerk, rows)
    assert InfoItem.objects.count() == 3
    assert ItemVersion.objects.count() == 3
    # The same 索引号 again is the same item, whatever its title now says.
    _import(tmp_path / "b.jsonl", agency_a, clerk, [rows[1] | {"title": "更正后的标题"}])
    assert InfoItem.objects.count() == 3
    item = InfoItem.objects.get(index_no="000014349/2019-00121")
    assert (item.current_version.title, item.current_version.body) == ("更正后的标题", "正文1")


def test_doc_number_and_title_match_only_lines_without_an_index_number(agency_a, tmp_path):
    clerk = make_staff(agency_a, "clerk")
    with_doc_no = SAME_TITLE | {"doc_no": "某政发〔2019〕5号"}
    _import(tmp_path / "a.jsonl", agency_a, clerk, [with_doc_no])
    _import(tmp_path / "b.jsonl", agency_a, clerk, [with_doc_no | {"body": "更正"}])
    assert InfoItem.objects.get().current_version.body == "更正"
    # A 索引号 the catalog does not hold is a new item, though its 文号 and title match one.
    _import(
        tmp_path / "c.jsonl", agency_a, clerk, [with_doc_no | {"index_no": "000014349/2019-00999"}]
    )
    assert InfoItem.objects.count() == 2


def test_an_empty_doc_number_never_matches(agency_a, tmp_path):
    clerk = make_staff(agency_a, "clerk")
    _import(tmp_path / "a.jsonl", agency_a, clerk, [SAME_TITLE, SAME_TITLE | {"body": "另一份"}])
    _import(tmp_path / "b.jsonl", agency_a, clerk, [SAME_TITLE])
    assert InfoItem.objects.count() == 3
    assert not InfoItem.objects.filter(current_version__number__gt=1).exists()
