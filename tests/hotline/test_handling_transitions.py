"""Each move of a work order and its refusal: signing for it, a return to the platform only with
a reason and only after a reviewer other than the one who asked agrees (a rejected return goes
back where it was), reassigning within the agency, more time once before the deadline, the
reply, closing, the platform's callback and satisfaction, and merging a repeat. Every move is
audited."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from gongkai.agencies.models import InternalUnit
from gongkai.core.models import AuditEvent
from gongkai.hotline.caller import Caller
from gongkai.hotline.models import OrderStatus
from gongkai.hotline.workflow import ORDER_WORKFLOW
from gongkai.lib.errors import Refused
from gongkai.lib.workflow import InvalidInput
from tests.conftest import make_staff
from tests.hotline.makers import make_order

pytestmark = pytest.mark.django_db


def _do(order, name, user, **data):
    return ORDER_WORKFLOW.perform(order, name, data, user=user)


@pytest.fixture
def team(agency_a):
    return {
        "clerk": make_staff(agency_a, "clerk", username="hl_clerk"),
        "other": make_staff(agency_a, "clerk", username="hl_other"),
        "leader": make_staff(agency_a, "leader", username="hl_leader"),
    }


def _actions(order) -> list[str]:
    return list(
        AuditEvent.objects.filter(record_type="hotline.workorder", record_id=str(order.pk))
        .exclude(action__in=["create", "change"])
        .order_by("seq")
        .values_list("action", flat=True)
    )


def test_sign_reply_close_callback(agency_a, team):
    clerk = team["clerk"]
    order = make_order(agency_a, kind="help")  # dispatched 30 November: due 14 December
    assert order.due_on == date(2026, 12, 14)
    with pytest.raises(Refused, match="当前状态为“待签收”，不能答复"):
        _do(order, "reply", clerk, text="已修复。")
    order = _do(order, "accept", clerk)
    assert order.status == OrderStatus.ACCEPTED and order.handler == clerk
    with pytest.raises(InvalidInput, match="请填写答复内容"):
        _do(order, "reply", clerk, text="")
    order = _do(order, "reply", clerk, text="路灯已于12月1日修复。")
    assert order.status == OrderStatus.REPLIED and order.reply_workdays == 1
    order = _do(order, "close", clerk)
    assert order.status == OrderStatus.CLOSED and order.closed_on == date(2026, 12, 1)
    with pytest.raises(Refused, match="回访日期不能晚于今天"):
        _do(order, "record_callback", clerk, callback_on="2026-12-02", satisfaction="satisfied")
    with pytest.raises(InvalidInput, match="请选择回访的满意度"):
        _do(order, "record_callback", clerk, callback_on="2026-12-01")
    order = _do(order, "record_callback", clerk, callback_on="2026-12-01", satisfaction="basic")
    assert order.get_satisfaction_display() == "基本满意"
    with pytest.raises(Refused, match="回访结果已记录"):
        _do(order, "record_callback", clerk, callback_on="2026-12-01", satisfaction="satisfied")
    assert _actions(order) == ["receive", "accept", "reply", "close", "record_callback"]


def test_a_return_needs_a_reason_and_someone_else_reviews_it(agency_a, team):
    clerk, leader = team["clerk"], team["leader"]
    order = _do(make_order(agency_a), "accept", clerk)
    with pytest.raises(InvalidInput, match="请填写退单理由"):
        _do(order, "request_return", clerk, reason="")
    order = _do(order, "request_return", clerk, reason="路灯由县城管局负责，不属本局职责。")
    assert order.status == OrderStatus.RETURN_REQUESTED
    # A clerk does not review returns; the leader does, but not one he asked for himself.
    with pytest.raises(PermissionDenied):
        _do(order, "approve_return", team["other"], opinion="")
    with pytest.raises(InvalidInput, match="请填写驳回理由"):
        _do(order, "reject_return", leader, opinion="")
    order = _do(order, "reject_return", leader, opinion="三定方案明确由本局负责，继续办理。")
    assert order.status == OrderStatus.ACCEPTED and order.return_opinion.startswith("三定方案")

    own = _do(make_order(agency_a, "GD2"), "request_return", leader, reason="非本局职责")
    with pytest.raises(Refused, match="退单申请人不能审核自己的退单申请"):
        _do(own, "approve_return", leader, opinion="")
    order = _do(
        _do(order, "request_return", clerk, reason="再次核实，确属城管局职责"),
        "approve_return",
        leader,
        opinion="同意",
    )
    assert order.status == OrderStatus.RETURNED and order.returned_on == date(2026, 12, 1)
    assert not order.is_open
    assert _actions(order)[-4:] == [
        "request_return",
        "reject_return",
        "request_return",
        "approve_return",
    ]


def test_reassign_within_the_agency_with_a_reason(agency_a, agency_b, team):
    clerk = team["clerk"]
    order = _do(make_order(agency_a), "accept", clerk)
    unit = InternalUnit.objects.create(agency=agency_a, name="社会救助股")
    with pytest.raises(InvalidInput, match="请填写改派理由"):
        _do(order, "reassign", clerk, unit=unit.pk, reason="")
    with pytest.raises(Refused, match="请选择改派给哪个内设机构或哪位承办人"):
        _do(order, "reassign", clerk, reason="业务归口")
    foreign = InternalUnit.objects.create(agency=agency_b, name="乙局股室")
    with pytest.raises(InvalidInput):
        _do(order, "reassign", clerk, unit=foreign.pk, reason="业务归口")
    order = _do(order, "reassign", clerk, unit=unit.pk, handler=team["other"].pk, reason="归口")
    assert order.unit == unit and order.handler == team["other"]
    assert order.status == OrderStatus.ACCEPTED


def test_more_time_once_before_the_deadline(agency_a, team):
    clerk = team["clerk"]
    order = make_order(agency_a, kind="consult")  # 2 working days: due 2 December
    assert order.due_on == date(2026, 12, 2)
    with pytest.raises(Refused, match="延期须为1至15个工作日（本类别的延期上限）"):
        _do(order, "extend", clerk, workdays=16, reason="需现场核实")
    order = _do(order, "extend", clerk, workdays=3, reason="需现场核实")
    assert order.due_on == date(2026, 12, 7) and order.extension_workdays == 3
    with pytest.raises(Refused, match="每件工单只能延期一次"):
        _do(order, "extend", clerk, workdays=1, reason="再延")
    late = make_order(agency_a, "GD-LATE", kind="consult", dispatched="2026-11-20 09:00")
    with pytest.raises(Refused, match=r"办理期限（2026-11-24）已过"):
        _do(late, "extend", clerk, workdays=1, reason="需现场核实")


def test_a_repeat_is_proposed_and_merged(agency_a, team):
    clerk = team["clerk"]
    first = make_order(agency_a, "GD1", dispatched="2026-11-02 09:00")
    # The same caller, another matter, four weeks later: within the 30-day window.
    again = make_order(agency_a, "GD2", subject="反映幸福路积水", dispatched="2026-11-30 09:00")
    assert again.repeat_of == first
    # Another caller on the same matter.
    same_matter = make_order(
        agency_a, "GD3", caller=Caller("李四", "13911112222", ""), dispatched="2026-11-30 10:00"
    )
    assert same_matter.repeat_of == first
    stranger = make_order(
        agency_a, "GD4", subject="咨询公租房轮候", caller=Caller("王五", "13700001111", "")
    )
    assert stranger.repeat_of is None
    long_after = make_order(agency_a, "GD5", dispatched="2026-10-01 09:00")
    assert long_after.repeat_of is None  # earlier than the first: nothing before it

    with pytest.raises(Refused, match="不能并入工单本身"):
        _do(again, "merge", clerk, into_number="GD2")
    with pytest.raises(Refused, match="本机关没有编号为GD9的工单"):
        _do(again, "merge", clerk, into_number="GD9")
    merged = _do(again, "merge", clerk, into_number="GD1")
    assert merged.status == OrderStatus.MERGED and merged.merged_into == first
    assert not merged.is_open
    with pytest.raises(Refused, match="已并单，不能再并入"):
        _do(same_matter, "merge", clerk, into_number="GD2")
    assert "merged_in" in _actions(first)
