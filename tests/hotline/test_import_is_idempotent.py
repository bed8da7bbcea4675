"""The platform's export comes in as work orders, from CSV (UTF-8 or GB18030), XLSX and JSON
(an array or one object per line): importing the same file again changes nothing — no order, no
batch, no audit row — and a malformed row is reported with its line number in Chinese while the
rest are imported."""

import pytest
from django.core.exceptions import PermissionDenied

from gongkai.core.models import AuditEvent
from gongkai.hotline.importer import Importer, parse_mapping
from gongkai.hotline.models import ImportBatch, OrderStatus, WorkOrder
from gongkai.lib.errors import Refused
from tests.conftest import make_staff
from tests.hotline.makers import HEADERS, csv_bytes, json_bytes, rows, xlsx_bytes

pytestmark = pytest.mark.django_db


def _import(agency, user, data: bytes, name: str, mapping=None):
    return Importer(user=user, agency=agency, mapping=mapping or {}).run(data, name)


def _state():
    return (
        WorkOrder.objects.count(),
        ImportBatch.objects.count(),
        AuditEvent.objects.count(),
        list(WorkOrder.objects.order_by("pk").values_list("number", "status", "due_on")),
    )


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("工单.csv", lambda table: csv_bytes(table)),
        ("工单-gbk.csv", lambda table: csv_bytes(table, encoding="gb18030")),
        ("工单.xlsx", lambda table: xlsx_bytes(table)),
        ("工单.json", lambda table: json_bytes(table)),
        ("工单.jsonl", lambda table: json_bytes(table, lines=True)),
    ],
)
def test_importing_the_same_file_again_changes_nothing(agency_a, name, make):
    clerk = make_staff(agency_a, "clerk")
    data = make(rows(3))
    report = _import(agency_a, clerk, data, name)
    assert (report.created, report.unchanged, report.errors) == (3, 0, [])
    order = WorkOrder.objects.get(number="GD202611300001")
    assert order.status == OrderStatus.RECEIVED and order.category.kind == "help"
    assert order.caller_name_masked == "来***" and order.caller_phone_masked == "139****0001"
    assert order.batch == report.batch and order.received_on.isoformat() == "2026-11-30"
    before = _state()

    again = _import(agency_a, clerk, data, name)
    assert (again.created, again.unchanged, again.errors, again.batch) == (0, 3, [], None)
    assert _state() == before


def test_a_malformed_row_is_reported_with_its_line_and_the_rest_imported(agency_a):
    clerk = make_staff(agency_a, "clerk")
    table = rows(5)
    table[1][1] = "表扬"  # line 3: no such category
    table[3][7] = "2026-13-01 09:00"  # line 5: no such month
    table[4][0] = ""  # line 6: no number
    report = _import(agency_a, clerk, csv_bytes(table), "工单.csv")
    assert report.created == 2
    assert report.error_lines() == [
        "第 3 行：工单类别“表扬”无效，可用：咨询、求助、建议、投诉、举报",
        "第 5 行：派单时间“2026-13-01 09:00”不是可识别的日期时间（如 2026-11-30 09:15）",
        "第 6 行：缺少工单编号",
    ]
    assert set(WorkOrder.objects.values_list("number", flat=True)) == {
        "GD202611300001",
        "GD202611300003",
    }


def test_a_broken_json_object_is_reported_on_its_line(agency_a):
    clerk = make_staff(agency_a, "clerk")
    text = json_bytes(rows(3)).decode()
    broken = text.replace('"工单编号": "GD202611300002"', '"工单编号": GD202611300002', 1)
    report = _import(agency_a, clerk, broken.encode(), "工单.json")
    assert report.created == 2
    [(line, message)] = report.errors
    assert broken.splitlines()[line - 1].strip() == "{" and message.startswith("不是有效的 JSON")


def test_an_xlsx_row_is_named_by_its_sheet_row(agency_a):
    clerk = make_staff(agency_a, "clerk")
    table = rows(3)
    table[2][2], table[2][3] = "", ""  # row 4: neither subject nor content
    report = _import(agency_a, clerk, xlsx_bytes(table), "工单.xlsx")
    assert report.created == 2
    assert report.error_lines() == ["第 4 行：工单GD202611300003缺少诉求内容"]


def test_other_column_names_are_mapped(agency_a):
    clerk = make_staff(agency_a, "clerk")
    headers = ["工单号", "诉求类型", "标题", "内容", "来电人", "联系电话", "地址", "交办时间"]
    data = csv_bytes(rows(2), headers=headers)
    assert _import(agency_a, clerk, data, "a.csv").created == 2
    renamed = ["单号", *HEADERS[1:]]
    with pytest.raises(Refused, match="找不到工单编号列"):
        _import(agency_a, clerk, csv_bytes(rows(1, start=7), headers=renamed), "b.csv")
    mapped = _import(
        agency_a, clerk, csv_bytes(rows(1, start=7), headers=renamed), "b.csv", {"number": "单号"}
    )
    assert mapped.created == 1
    with pytest.raises(ValueError, match="不是可对应的字段"):
        parse_mapping(["caller=来电人"])
    # On the page a clerk names our field in Chinese.
    assert parse_mapping(["工单编号=单号", "答复内容=回复内容"]) == {
        "number": "单号",
        "reply_text": "回复内容",
    }


def test_only_those_who_handle_work_orders_import(agency_a, agency_b):
    with pytest.raises(PermissionDenied):
        Importer(user=make_staff(agency_a, "reviewer"), agency=agency_a)
    with pytest.raises(PermissionDenied):
        Importer(user=make_staff(agency_b, "clerk"), agency=agency_a)
