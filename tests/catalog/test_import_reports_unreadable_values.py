"""`gongkai import items`: a value the importer cannot read — a day that does not exist such as
the corpus's 1946-00-00, a list where text belongs, a number beyond range, a NUL character —
is one reported line; the lines around it in the same batch are imported."""

import json

import pytest
from django.core.management import call_command

from gongkai.catalog.models import InfoItem
from tests.conftest import make_staff

pytestmark = pytest.mark.django_db

GOOD = {"title": "关于做好某某工作的通知", "doc_no": "某政发〔2019〕5号", "date": "2019-03-01"}

UNREADABLE = [
    ({"date": "1946-00-00"}, "written_on“1946-00-00”不是存在的日期"),
    ({"effective_on": "2019-02-29"}, "effective_on“2019-02-29”不是存在的日期"),
    (
        {"published_at": "2019-02-30 10:00:00"},
        "published_at“2019-02-30 10:00:00”不是存在的日期时间",
    ),
    ({"published_at": "2019-13-01"}, "published_at“2019-13-01”不是存在的日期"),
    ({"validity": ["有效"]}, "有效性应为文字"),
    ({"attribute": {"code": "proactive"}}, "公开属性应为文字"),
    ({"exemption_reasons": 5}, "不予公开理由（exemption_reasons）应为"),
    ({"art20_item": 1e999}, "第二十条事项“inf”应为 1–15 的数字"),
    ({"art20_item": "²"}, "第二十条事项“²”应为 1–15 的数字"),
    ({"body": "正文\u0000后半"}, "body 含有空字符"),
    ({"index_no": "x" * 61}, "含有不允许的字符"),
]


def test_each_unreadable_value_is_a_reported_line_and_the_batch_is_kept(agency_a, tmp_path, capsys):
    clerk = make_staff(agency_a, "clerk")
    rows = [GOOD]
    for n, (bad, _) in enumerate(UNREADABLE):
        rows += [GOOD | bad | {"title": f"坏行{n}"}, GOOD | {"title": f"好行{n}"}]
    path = tmp_path / "items.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", "utf-8")
    with pytest.raises(SystemExit) as exited:
        call_command(
            "import", "items", str(path), "--agency", agency_a.credit_code,
            "--user", clerk.username, "--map", "written_on=date",
        )  # fmt: skip
    assert exited.value.code == 1
    out, err = capsys.readouterr()
    for n, (_, message) in enumerate(UNREADABLE):
        assert f"第 {2 * n + 2} 行：" in err and message in err, message
    assert f"新增 {1 + len(UNREADABLE)}" in out and f"出错 {len(UNREADABLE)}" in out
    titles = set(InfoItem.objects.values_list("current_version__title", flat=True))
    assert titles == {GOOD["title"]} | {f"好行{n}" for n in range(len(UNREADABLE))}
