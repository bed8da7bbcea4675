"""Handling a case before its reply: assignment, 补正 (Art. 30), consultation (Art. 32–34)
and extension (Art. 33¶2)."""

from datetime import date

from django.db import transaction

from gongkai.agencies import access
from gongkai.agencies.models import InternalUnit
from gongkai.lib.errors import Refused

from .. import clock
from ..ledger import EventKind, reply_deadline
from ..models import Application, CaseEvent
from ..outcomes import Outcome
from ..rules import CASE_RULES
from .events import (
    abandoned,
    append,
    check_date,
    due_or_none,
    latest_event,
    locked,
    repeated_event,
    today,
)


class ConsultedParty:
    THIRD_PARTY = "third_party"  # Art. 32
    OTHER_AGENCY = "other_agency"  # Art. 33¶3, Art. 34

    LABELS = {THIRD_PARTY: "第三方", OTHER_AGENCY: "其他机关"}


# ---- assignment ----------------------------------------------------------------------------


def assign(case: Application, *, handler, unit: InternalUnit | None, user) -> CaseEvent:
    """Give the case to a handler, and optionally to an internal unit (分办 / 转办)."""
    with transaction.atomic():
        case, state = locked(case)
        CASE_RULES.require("assign", state)
        if not access.can(handler, "case.handle", case.agency):
            raise Refused("承办人须为本机关有办理权限的工作人员", "handler")
        if unit is not None and unit.agency_id != case.agency_id:
            raise Refused("内设机构须属于本机关", "unit")
        data = {
            "handler": handler.pk,
            "handler_name": str(handler),
            "unit": unit.pk if unit else None,
            "unit_name": unit.name if unit else "",
        }
        if case.handler_id == handler.pk and case.unit_id == (unit.pk if unit else None):
            repeat = repeated_event(case, EventKind.ASSIGNED, today(), data)
            if repeat:
                return repeat
        case.handler, case.unit = handler, unit
        case.save(update_fields=["handler", "unit"])
        return append(case, EventKind.ASSIGNED, today(), data, user)


# ---- 补正 (Art. 30) ----------------------------------------------------------------------


def request_correction(
    case: Application, *, on: date, deadline: date, items: str, user
) -> CaseEvent:
    """Ask once for a 补正, within 7 working days of receipt, naming what and by when."""
    data = {"deadline": deadline.isoformat(), "matters": items.strip()}
    with transaction.atomic():
        case, state = locked(case)
        if repeat := repeated_event(case, EventKind.CORRECTION_REQUESTED, on, data):
            return repeat
        CASE_RULES.require("correction", state)
        check_date(on, state, "告知补正日期")
        latest = due_or_none(clock.correction_notice_due, state.received)
        if latest is not None and on > latest:
            raise Refused(
                f"补正告知应在收到申请之日起7个工作日内发出（第三十条），期限为 {latest}", "on"
            )
        if deadline <= on:
            raise Refused("补正期限应晚于告知日期", "deadline")
        if not data["matters"]:
            raise Refused("请写明需要补正的事项（一次性告知）", "items")
        return append(case, EventKind.CORRECTION_REQUESTED, on, data, user)


def receive_correction(case: Application, *, on: date, user, note: str = "") -> CaseEvent:
    """The corrected application arrived: the 20 working days start again (Art. 30)."""
    with transaction.atomic():
        case, state = locked(case)
        if repeat := repeated_event(case, EventKind.CORRECTION_RECEIVED, on, {}):
            return repeat
        CASE_RULES.require("correction_received", state)
        if state.received and on < state.received:
            raise Refused(f"收到补正日期 {on} 不能早于收到申请日期 {state.received}", "on")
        if on < state.correction_requested_on:
            raise Refused(
                f"收到补正日期 {on} 不能早于告知补正日期 {state.correction_requested_on}", "on"
            )
        check_date(on, state, "收到补正日期")
        return append(case, EventKind.CORRECTION_RECEIVED, on, {}, user, note)


def lapse_correction(case: Application, *, on: date, user) -> CaseEvent:
    """No 补正 by the deadline: the application is deemed abandoned (Art. 30)."""
    with transaction.atomic():
        case, state = locked(case)
        gave_up = abandoned(Outcome.OTHER_NO_CORRECTION)
        if repeat := repeated_event(case, EventKind.DECIDED, on, gave_up):
            return repeat
        CASE_RULES.require("correction_lapsed", state)
        if on <= state.correction_deadline:
            raise Refused(f"补正期限 {state.correction_deadline} 尚未届满", "on")
        check_date(on, state, "日期")
        append(case, EventKind.CORRECTION_LAPSED, on, {}, user)
        return append(case, EventKind.DECIDED, on, gave_up, user)


# ---- consultation (Art. 32–34) --------------------------------------------------------------


def start_consultation(
    case: Application, *, on: date, party: str, party_kind: str, user
) -> CaseEvent:
    """Consult a third party or another organ; the reply clock stops (Art. 33¶3)."""
    with transaction.atomic():
        case, state = locked(case)
        answer_due = due_or_none(clock.third_party_answer_due, on)
        data = {
            "party": party.strip(),
            "party_kind": party_kind,
            "answer_due": answer_due.isoformat() if answer_due else "",
        }
        if repeat := repeated_event(case, EventKind.CONSULTATION_STARTED, on, data):
            return repeat
        CASE_RULES.require("consultation", state)
        check_date(on, state, "征求意见日期")
        if party_kind not in ConsultedParty.LABELS:
            raise Refused("请选择征求意见的对象类别", "party_kind")
        if not data["party"]:
            raise Refused("请填写被征求意见的第三方或机关名称", "party")
        return append(case, EventKind.CONSULTATION_STARTED, on, data, user)


def end_consultation(case: Application, *, on: date, answer: str, user) -> CaseEvent:
    """The consulted party answered (or its 15 working days ran out); the clock runs again."""
    data = {"answer": answer.strip()}
    with transaction.atomic():
        case, state = locked(case)
        if repeat := repeated_event(case, EventKind.CONSULTATION_ENDED, on, data):
            return repeat
        CASE_RULES.require("consultation_ended", state)
        check_date(on, state, "征求意见结束日期")
        if not data["answer"]:
            raise Refused("请记录第三方或机关的意见（逾期未答复的，写明“逾期未答复”）", "answer")
        return append(case, EventKind.CONSULTATION_ENDED, on, data, user)


# ---- extension (Art. 33¶2) ----------------------------------------------------------------


def request_extension(
    case: Application, *, on: date, workdays: int, reason: str, user
) -> CaseEvent:
    """Ask the head of the disclosure office for up to 20 more working days."""
    data = {"workdays": workdays, "reason": reason.strip()}
    with transaction.atomic():
        case, state = locked(case)
        if repeat := repeated_event(case, EventKind.EXTENSION_REQUESTED, on, data):
            return repeat
        CASE_RULES.require("extension", state)
        if workdays < 1 or workdays > clock.MAX_EXTENSION_WORKDAYS:
            raise Refused(
                f"延长答复期限应为1至{clock.MAX_EXTENSION_WORKDAYS}个工作日"
                f"（第三十三条第二款），不能延长{workdays}个工作日",
                "workdays",
            )
        if not data["reason"]:
            raise Refused("请说明需要延期的理由", "reason")
        check_date(on, state, "申请延期日期")
        deadline = reply_deadline(state)
        if deadline.due is not None and on > deadline.due:
            raise Refused(f"答复期限 {deadline.due} 已过，不能再申请延期", "on")
        return append(case, EventKind.EXTENSION_REQUESTED, on, data, user)


def approve_extension(case: Application, *, on: date, user) -> CaseEvent:
    """Approval by the head of the disclosure office (政府信息公开工作机构负责人, Art. 33¶2)."""
    with transaction.atomic():
        case, state = locked(case)
        approved = state.extension_workdays
        if approved and latest_event(case).kind == EventKind.EXTENSION_APPROVED:
            return latest_event(case)
        if not access.can(user, "case.approve_extension", case.agency):
            raise Refused("延期答复须经政府信息公开工作机构负责人批准，您没有审批权限")
        CASE_RULES.require("extension_approved", state)
        check_date(on, state, "批准日期")
        data = {"workdays": state.extension_requested, "approver": str(user)}
        return append(case, EventKind.EXTENSION_APPROVED, on, data, user)
