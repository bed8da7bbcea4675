"""The staff API: the platform pushes one work order at a time, idempotent on its number (201,
then 200 with the order unchanged), or posts its file; the moves go through the same workflow as
the page; the imported file's results come back in its format. Another agency's staff are
refused."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from gongkai.hotline.models import OrderStatus, WorkOrder
from tests.conftest import make_staff
from tests.hotline.makers import csv_bytes, rows

pytestmark = pytest.mark.django_db

ORDER = {
    "number": "API-0001",
    "kind": "complaint",
    "subject": "投诉某超市销售过期食品",
    "content": "在某超市购买的牛奶已过期三天。",
    "dispatched_at": "2026-11-30T09:30:00+08:00",
    "caller_name": "赵六",
    "caller_phone": "13600001234",
    "role": "assist",
    "lead_unit": "县市场监管局",
}


def _client(user) -> APIClient:
    api = APIClient()
    api.force_authenticate(user)
    return api


def test_one_order_is_received_once(agency_a, agency_b):
    api = _client(make_staff(agency_a, "clerk"))
    first = api.post("/api/staff/work-orders/", ORDER | {"agency": agency_a.pk}, format="json")
    assert first.status_code == 201, first.content
    body = first.json()
    assert body["status"] == "received" and body["due_on"] == "2026-12-21"
    assert body["caller_phone"] == "13600001234" and body["role"] == "assist"
    again = api.post(
        "/api/staff/work-orders/",
        ORDER | {"agency": agency_a.pk, "content": "改了"},
        format="json",
    )
    assert again.status_code == 200 and again.json()["id"] == body["id"]
    assert WorkOrder.objects.get().content == ORDER["content"]
    refused = api.post("/api/staff/work-orders/", ORDER | {"agency": agency_b.pk}, format="json")
    assert refused.status_code == 403 and not WorkOrder.objects.filter(agency=agency_b).exists()
    bad = api.post(
        "/api/staff/work-orders/", ORDER | {"agency": agency_a.pk, "kind": "表扬"}, format="json"
    )
    assert bad.status_code == 400 and "kind" in bad.json()


def test_a_file_is_posted_and_its_results_come_back(agency_a):
    clerk = make_staff(agency_a, "clerk")
    api = _client(clerk)
    table = rows(3)
    table[2][1] = "其他"
    upload = csv_bytes(table)
    response = api.post(
        "/api/staff/work-orders/import/",
        {"agency": agency_a.pk, "file": SimpleUploadedFile("派单.csv", upload)},
        format="multipart",
    )
    assert response.status_code == 200, response.content
    report = response.json()
    assert report["created"] == 2 and report["errors"] == [
        "第 4 行：工单类别“其他”无效，可用：咨询、求助、建议、投诉、举报"
    ]
    order = WorkOrder.objects.get(number="GD202611300001")
    moves = _client(clerk).get(f"/api/staff/work-orders/{order.pk}/transitions/").json()
    assert {m["transition"] for m in moves["transitions"]} >= {"accept", "request_return"}
    for name, fields in (("accept", {}), ("reply", {"text": "已安排维修。"})):
        done = api.post(
            f"/api/staff/work-orders/{order.pk}/transitions/",
            {"transition": name, "fields": fields},
            format="json",
        )
        assert done.status_code == 200, done.content
    assert WorkOrder.objects.get(pk=order.pk).status == OrderStatus.REPLIED

    exported = api.get(f"/api/staff/work-order-batches/{report['batch']}/export/")
    assert exported.status_code == 200
    text = exported.content.decode("utf-8-sig")
    header, first = text.splitlines()[:2]
    assert header.startswith(
        "工单编号,工单类别,标题,诉求内容,来电人,来电号码,地址,派单时间,办理状态"
    )
    assert "已答复" in first and "已安排维修。" in first and "139****0001" in first
    assert "13900000001" not in text
