"""The agency's own line: the telephone system's export comes in once (re-importing changes
nothing), a bad row is named by its line, a missed call becomes a call-back task until it is
called back or the caller gets through again within a day, and the figures — connection rate,
answered within 15 s, transfer success, average handling time, satisfaction, on-time answers of
work orders — are counted per agency and unit in grouped queries, a 主管部门 reading the
roll-up of its subtree."""

import json
from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse
from rest_framework.test import APIClient

from gongkai.agencies.models import InternalUnit
from gongkai.core.models import AuditEvent
from gongkai.hotline import statistics
from gongkai.hotline.calls import CallImporter
from gongkai.hotline.models import Call, CallbackStatus, WorkOrder
from gongkai.hotline.statistics import period_of
from gongkai.hotline.workflow import CALL_WORKFLOW, ORDER_WORKFLOW
from gongkai.lib.errors import Refused
from gongkai.lib.workflow import InvalidInput
from tests.conftest import login, make_staff
from tests.hotline.makers import CALL_HEADERS, call_row, csv_bytes, make_order

pytestmark = pytest.mark.django_db


def _calls(agency, units=True):
    if units:
        InternalUnit.objects.get_or_create(agency=agency, name="咨询科")
    return [
        call_row("C1", "2026-11-30 09:00:00", wait=5, talk=100, unit="咨询科"),
        call_row("C2", "2026-11-30 09:10:00", wait=20, talk=200, unit="咨询科", rating="不满意"),
        call_row("C3", "2026-11-30 09:20:00", wait=None, phone="13911112222"),
        call_row(
            "C4",
            "2026-11-30 09:30:00",
            wait=3,
            talk=60,
            transferred="是",
            succeeded="成功",
            rating="基本满意",
        ),
        call_row("C5", "2026-11-30 09:40:00", wait=8, talk=90, transferred="是", succeeded="失败"),
        # Missed, then the same caller got through an hour later: no call back needed.
        call_row("C6", "2026-11-30 10:00:00", wait=None, phone="13700001111"),
        call_row("C7", "2026-11-30 11:00:00", wait=2, talk=30, phone="13700001111", rating=""),
    ]


def _import(agency, user, table):
    return CallImporter(user=user, agency=agency).run(csv_bytes(table, CALL_HEADERS), "话单.csv")


def test_calls_come_in_once_and_missed_ones_are_to_call_back(agency_a):
    clerk = make_staff(agency_a, "clerk")
    table = _calls(agency_a)
    table.insert(2, call_row("C9", "2026-11-30 09:15:00", rating="很好"))
    report = _import(agency_a, clerk, table)
    assert report.created == 7
    assert report.error_lines() == [
        "第 4 行：满意度“很好”无效，可用：满意、基本满意、不满意（或留空）"
    ]
    assert report.summary().startswith("共 8 行：新增来电记录 7")
    c2 = Call.objects.get(call_id="C2")
    assert (c2.wait_seconds, c2.talk_seconds, c2.unit.name) == (20, 200, "咨询科")
    assert (
        c2.caller_phone_masked == "138****8000" and "13800138000" not in c2.caller_phone_encrypted
    )
    statuses = dict(Call.objects.values_list("call_id", "callback_status"))
    assert statuses["C3"] == CallbackStatus.PENDING
    assert statuses["C6"] == CallbackStatus.CALLED_AGAIN
    assert statuses["C1"] == CallbackStatus.NOT_NEEDED
    before = (Call.objects.count(), AuditEvent.objects.count())
    again = _import(agency_a, clerk, _calls(agency_a))
    assert (again.created, again.unchanged) == (0, 7)
    assert (Call.objects.count(), AuditEvent.objects.count()) == before


def test_a_missed_call_is_called_back(agency_a):
    clerk = make_staff(agency_a, "clerk")
    _import(agency_a, clerk, _calls(agency_a))
    missed = Call.objects.get(call_id="C3")
    with pytest.raises(InvalidInput, match="请选择回拨结果"):
        CALL_WORKFLOW.perform(missed, "call_back", {}, user=clerk)
    with pytest.raises(Refused, match="未接通时请写明情况"):
        CALL_WORKFLOW.perform(missed, "call_back", {"reached": "no"}, user=clerk)
    missed = CALL_WORKFLOW.perform(
        missed, "call_back", {"reached": "no", "note": "无人接听"}, user=clerk
    )
    assert missed.callback_status == CallbackStatus.PENDING and missed.callback_attempts == 1
    missed = CALL_WORKFLOW.perform(missed, "call_back", {"reached": "yes"}, user=clerk)
    assert missed.callback_status == CallbackStatus.DONE and missed.callback_attempts == 2
    with pytest.raises(Refused, match="当前状态为“已回拨”"):
        CALL_WORKFLOW.perform(missed, "call_back", {"reached": "yes"}, user=clerk)
    page = login(clerk).get(reverse("hotline:call", args=[missed.pk])).content.decode()
    assert "13911112222" in page and "已回拨" in page


def test_the_figures_per_agency_and_unit(county, agency_a, agency_b, django_assert_num_queries):
    clerk = make_staff(agency_a, "clerk")
    _import(agency_a, clerk, _calls(agency_a))
    _import(agency_b, make_staff(agency_b, "clerk"), _calls(agency_b, units=False)[:2])
    start, end, _, _ = period_of({"year": "2026", "month": "11"}, date(2026, 12, 1))
    with django_assert_num_queries(3):  # the grouped query, the agencies, the units
        rows = statistics.call_statistics(Call.objects.all(), start, end)
    by_key = {(a.name, u.name if u else None): r.as_dict() for (a, u), r in rows.items()}
    unit = by_key[(agency_a.name, "咨询科")]
    assert (unit["calls"], unit["answered"], unit["within_15s"]) == (2, 2, 1)
    assert unit["average_handling_seconds"] == 150 and unit["satisfaction_rate"] == 50.0
    rest = by_key[(agency_a.name, None)]
    assert (rest["calls"], rest["answered"], rest["connection_rate"]) == (5, 3, 60.0)
    assert (rest["transfers"], rest["transfer_success_rate"]) == (2, 50.0)
    total = statistics.total(rows, statistics.CallCounters()).as_dict()
    assert (total["calls"], total["answered"]) == (9, 7)
    assert statistics.period_of({"year": "x"}, date(2026, 12, 1))[2] == 2026


def test_work_orders_on_time_and_satisfaction(county, agency_a):
    clerk = make_staff(agency_a, "clerk")
    on_time = ORDER_WORKFLOW.perform(make_order(agency_a, "S1"), "accept", {}, user=clerk)
    on_time = ORDER_WORKFLOW.perform(on_time, "reply", {"text": "已答复"}, user=clerk)
    ORDER_WORKFLOW.perform(
        on_time,
        "record_callback",
        {"callback_on": "2026-12-01", "satisfaction": "satisfied"},
        user=clerk,
    )
    late = make_order(agency_a, "S2", subject="反映噪音扰民问题", dispatched="2026-11-20 09:00")
    late = ORDER_WORKFLOW.perform(late, "accept", {}, user=clerk)
    late = ORDER_WORKFLOW.perform(late, "reply", {"text": "已处理"}, user=clerk)
    ORDER_WORKFLOW.perform(
        late,
        "record_callback",
        {"callback_on": "2026-12-01", "satisfaction": "unreached"},
        user=clerk,
    )
    start, end, _, _ = period_of({"year": "2026"}, date(2026, 12, 1))
    [((agency, unit), row)] = statistics.order_statistics(
        WorkOrder.objects.all(), start, end
    ).items()
    assert unit is None
    figures = row.as_dict()
    assert (figures["received"], figures["answered"], figures["on_time"]) == (2, 2, 1)
    assert (figures["on_time_rate"], figures["rated"], figures["satisfaction_rate"]) == (
        50.0,
        1,
        100.0,
    )

    supervisor = make_staff(county, "supervisor")
    page = login(supervisor).get(reverse("hotline:statistics") + "?year=2026").content.decode()
    assert agency.name in page and 'id="order-total"' in page
    api = APIClient()
    api.force_authenticate(supervisor)
    body = api.get("/api/staff/calls/statistics/?year=2026").json()
    assert body["orders_total"]["received"] == 2 and body["orders"][0]["on_time"] == 1


def test_the_command_line_gives_the_same_figures(agency_a, tmp_path, capsys):
    InternalUnit.objects.create(agency=agency_a, name="咨询科")
    path = tmp_path / "话单.csv"
    path.write_bytes(csv_bytes(_calls(agency_a, units=False), CALL_HEADERS))
    call_command("hotline", "calls", str(path), "--agency", agency_a.credit_code)
    assert "新增来电记录 7" in capsys.readouterr().out
    call_command("hotline", "stats", "--year", "2026", "--month", "11", "--json")
    figures = json.loads(capsys.readouterr().out)
    assert figures["start"] == "2026-11-01" and figures["calls_total"]["calls"] == 7
    assert figures["calls_total"]["connection_rate"] == 71.43
    call_command("hotline", "stats", "--agency", str(agency_a.pk))
    out = capsys.readouterr().out
    assert "话务\t合计\t来电 7\t接通 5（71.43%）" in out
