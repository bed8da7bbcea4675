"""The transitions of a 依申请公开 case, each checking its precondition and writing the ledger.

Every transition locks the case, replays its events, refuses an illegal move with a
`CaseError` in Chinese (nothing is written then), appends one event, records it in the audit
trail and refreshes the case's cached status and deadline. Posting the same transition twice
(a double-clicked form) returns the first event instead of failing or writing twice.
"""

import hashlib
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from gongkai.agencies import access
from gongkai.agencies.models import Agency, InternalUnit
from gongkai.catalog.attachments import AttachmentError, sniff
from gongkai.core import audit, uscc
from gongkai.core.workdays import CalendarUnknown
from gongkai.lib.errors import Refused

from . import clock, identity
from .fees import FeeError, FeeMethod, per_item_fee, per_page_fee
from .ledger import Entry, EventKind, State, replay, reply_deadline
from .models import (
    RECEIPT_BASIS,
    TRACKING_LENGTH,
    Application,
    CaseEvent,
    Channel,
    Counter,
    DeliveryMethod,
    IdType,
    LetterKind,
    ProvisionForm,
    Scan,
    ScanKind,
    StatusLookup,
    normalize_tracking_code,
)
from .outcomes import LEGAL_BASIS, ApplicantCategory, Outcome
from .rules import CASE_RULES


class ConsultedParty:
    THIRD_PARTY = "third_party"  # Art. 32
    OTHER_AGENCY = "other_agency"  # Art. 33¶3, Art. 34

    LABELS = {THIRD_PARTY: "第三方", OTHER_AGENCY: "其他机关"}


# Outcomes a handler may choose; the two "deemed abandoned" rows follow from a lapse only.
DECIDABLE = [o for o in Outcome if o not in (Outcome.OTHER_NO_CORRECTION, Outcome.OTHER_NO_FEE)]
# The outcomes that send information with the reply.
DISCLOSING = (Outcome.GRANTED, Outcome.PARTIAL)


def today() -> date:
    return timezone.localdate()


# ---- intake --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Intake:
    """What an application says: the applicant, what is asked for, and how it arrived."""

    applicant_category: str
    applicant_name: str
    phone: str
    description: str
    provision_form: str
    delivery_method: str
    channel: str = Channel.ONLINE
    received_on: date | None = None
    id_type: str = ""
    id_number: str = ""
    credit_code: str = ""
    legal_representative: str = ""
    contact_person: str = ""
    email: str = ""
    address: str = ""
    postcode: str = ""
    document_number: str = ""


def register(
    agency: Agency, intake: Intake, *, user=None, submission_token: str | None = None
) -> Application:
    """Register an application as received (Art. 29–31) and give it a number and tracking code.

    The same `submission_token` (the public form's one-time token) registers one case only.
    """
    if submission_token:
        existing = Application.objects.filter(submission_token=submission_token).first()
        if existing is not None:
            return existing
    fields = _checked_intake(intake)
    with transaction.atomic():
        number = _next_number(agency, fields["received_on"].year, "依申")
        case = Application.objects.create(
            agency=agency,
            number=number,
            submission_token=submission_token,
            receipt_basis=RECEIPT_BASIS[Channel(fields["channel"])],
            handler=user if user is not None and access.can(user, "case.handle", agency) else None,
            **fields,
        )
        _append(case, EventKind.RECEIVED, fields["received_on"], {"channel": case.channel}, user)
    return case


def _checked_intake(intake: Intake) -> dict:
    name = intake.applicant_name.strip()
    if not name:
        raise Refused("请填写申请人姓名或名称", "applicant_name")
    if intake.applicant_category not in ApplicantCategory.values:
        raise Refused("请选择申请人类别", "applicant_category")
    phone = intake.phone.strip()
    if not phone:
        raise Refused("请填写联系电话", "phone")
    if not intake.description.strip():
        raise Refused("请描述所需政府信息的名称、文号或其他特征（第二十九条）", "description")
    received = intake.received_on or today()
    if received > today():
        raise Refused("收到申请日期不能晚于今天", "received_on")
    if intake.channel not in Channel.values:
        raise Refused("请选择申请方式", "channel")
    if intake.provision_form not in ProvisionForm.values:
        raise Refused("请选择获取信息的方式", "provision_form")
    if intake.delivery_method not in DeliveryMethod.values:
        raise Refused("请选择提供信息的途径", "delivery_method")
    fields = {
        "applicant_category": intake.applicant_category,
        "applicant_name": name,
        "phone": phone,
        "email": intake.email.strip(),
        "address": intake.address.strip(),
        "postcode": intake.postcode.strip(),
        "description": intake.description.strip(),
        "document_number": intake.document_number.strip(),
        "provision_form": intake.provision_form,
        "delivery_method": intake.delivery_method,
        "channel": intake.channel,
        "received_on": received,
        "contact_person": intake.contact_person.strip(),
        "legal_representative": intake.legal_representative.strip(),
    }
    if intake.delivery_method == DeliveryMethod.EMAIL and not fields["email"]:
        raise Refused("选择电子邮件方式提供的，请填写电子邮箱", "email")
    if intake.delivery_method == DeliveryMethod.POST and not fields["address"]:
        raise Refused("选择邮寄方式提供的，请填写通信地址", "address")
    if intake.applicant_category == ApplicantCategory.NATURAL_PERSON:
        if intake.id_type not in IdType.values:
            raise Refused("请选择证件类型", "id_type")
        number = intake.id_number.strip().upper().replace(" ", "")
        if not number:
            raise Refused("请填写证件号码（第二十九条：申请人的身份证明）", "id_number")
        if intake.id_type == IdType.RESIDENT_ID:
            try:
                number = identity.validate_resident_id(number)
            except identity.IdentityError as error:
                raise Refused(str(error), "id_number") from None
        fields |= {
            "id_type": intake.id_type,
            "id_number_encrypted": identity.encrypt(number),
            "id_number_masked": identity.mask(number),
            "applicant_key": identity.applicant_key(id_type=intake.id_type, id_number=number),
        }
    else:
        try:
            fields["credit_code"] = uscc.validate(intake.credit_code)
        except uscc.UsccError as error:
            raise Refused(str(error), "credit_code") from None
        fields["applicant_key"] = identity.applicant_key(credit_code=fields["credit_code"])
        if not fields["legal_representative"]:
            raise Refused("请填写法定代表人或负责人", "legal_representative")
    return fields


def _next_number(agency: Agency, year: int, series: str) -> str:
    return f"{agency.display_name}{series}〔{year}〕{next_serial(agency, year, series)}号"


def next_serial(agency: Agency, year: int, series: str) -> int:
    """The next number in an agency's yearly series; gaps never appear under concurrency."""
    with transaction.atomic():
        counter, _ = Counter.objects.select_for_update().get_or_create(
            agency=agency, year=year, series=series
        )
        counter.last += 1
        counter.save(update_fields=["last"])
    return counter.last


# ---- assignment ----------------------------------------------------------------------------


def assign(case: Application, *, handler, unit: InternalUnit | None, user) -> CaseEvent:
    """Give the case to a handler, and optionally to an internal unit (分办 / 转办)."""
    with transaction.atomic():
        case, state = _locked(case)
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
            repeat = _repeat(case, EventKind.ASSIGNED, today(), data)
            if repeat:
                return repeat
        case.handler, case.unit = handler, unit
        case.save(update_fields=["handler", "unit"])
        return _append(case, EventKind.ASSIGNED, today(), data, user)


# ---- 补正 (Art. 30) ----------------------------------------------------------------------


def request_correction(
    case: Application, *, on: date, deadline: date, items: str, user
) -> CaseEvent:
    """Ask once for a 补正, within 7 working days of receipt, naming what and by when."""
    data = {"deadline": deadline.isoformat(), "matters": items.strip()}
    with transaction.atomic():
        case, state = _locked(case)
        if repeat := _repeat(case, EventKind.CORRECTION_REQUESTED, on, data):
            return repeat
        CASE_RULES.require("correction", state)
        _check_date(on, state, "告知补正日期")
        latest = _due(clock.correction_notice_due, state.received)
        if latest is not None and on > latest:
            raise Refused(
                f"补正告知应在收到申请之日起7个工作日内发出（第三十条），期限为 {latest}", "on"
            )
        if deadline <= on:
            raise Refused("补正期限应晚于告知日期", "deadline")
        if not data["matters"]:
            raise Refused("请写明需要补正的事项（一次性告知）", "items")
        return _append(case, EventKind.CORRECTION_REQUESTED, on, data, user)


def receive_correction(case: Application, *, on: date, user, note: str = "") -> CaseEvent:
    """The corrected application arrived: the 20 working days start again (Art. 30)."""
    with transaction.atomic():
        case, state = _locked(case)
        if repeat := _repeat(case, EventKind.CORRECTION_RECEIVED, on, {}):
            return repeat
        CASE_RULES.require("correction_received", state)
        if state.received and on < state.received:
            raise Refused(f"收到补正日期 {on} 不能早于收到申请日期 {state.received}", "on")
        if on < state.correction_requested_on:
            raise Refused(
                f"收到补正日期 {on} 不能早于告知补正日期 {state.correction_requested_on}", "on"
            )
        _check_date(on, state, "收到补正日期")
        return _append(case, EventKind.CORRECTION_RECEIVED, on, {}, user, note)


def lapse_correction(case: Application, *, on: date, user) -> CaseEvent:
    """No 补正 by the deadline: the application is deemed abandoned (Art. 30)."""
    with transaction.atomic():
        case, state = _locked(case)
        if repeat := _repeat(case, EventKind.DECIDED, on, _abandoned(Outcome.OTHER_NO_CORRECTION)):
            return repeat
        CASE_RULES.require("correction_lapsed", state)
        if on <= state.correction_deadline:
            raise Refused(f"补正期限 {state.correction_deadline} 尚未届满", "on")
        _check_date(on, state, "日期")
        _append(case, EventKind.CORRECTION_LAPSED, on, {}, user)
        return _append(case, EventKind.DECIDED, on, _abandoned(Outcome.OTHER_NO_CORRECTION), user)


# ---- consultation (Art. 32–34) --------------------------------------------------------------


def start_consultation(
    case: Application, *, on: date, party: str, party_kind: str, user
) -> CaseEvent:
    """Consult a third party or another organ; the reply clock stops (Art. 33¶3)."""
    with transaction.atomic():
        case, state = _locked(case)
        answer_due = _due(clock.third_party_answer_due, on)
        data = {
            "party": party.strip(),
            "party_kind": party_kind,
            "answer_due": answer_due.isoformat() if answer_due else "",
        }
        if repeat := _repeat(case, EventKind.CONSULTATION_STARTED, on, data):
            return repeat
        CASE_RULES.require("consultation", state)
        _check_date(on, state, "征求意见日期")
        if party_kind not in ConsultedParty.LABELS:
            raise Refused("请选择征求意见的对象类别", "party_kind")
        if not data["party"]:
            raise Refused("请填写被征求意见的第三方或机关名称", "party")
        return _append(case, EventKind.CONSULTATION_STARTED, on, data, user)


def end_consultation(case: Application, *, on: date, answer: str, user) -> CaseEvent:
    """The consulted party answered (or its 15 working days ran out); the clock runs again."""
    data = {"answer": answer.strip()}
    with transaction.atomic():
        case, state = _locked(case)
        if repeat := _repeat(case, EventKind.CONSULTATION_ENDED, on, data):
            return repeat
        CASE_RULES.require("consultation_ended", state)
        _check_date(on, state, "征求意见结束日期")
        if not data["answer"]:
            raise Refused("请记录第三方或机关的意见（逾期未答复的，写明“逾期未答复”）", "answer")
        return _append(case, EventKind.CONSULTATION_ENDED, on, data, user)


# ---- extension (Art. 33¶2) ----------------------------------------------------------------


def request_extension(
    case: Application, *, on: date, workdays: int, reason: str, user
) -> CaseEvent:
    """Ask the head of the disclosure office for up to 20 more working days."""
    data = {"workdays": workdays, "reason": reason.strip()}
    with transaction.atomic():
        case, state = _locked(case)
        if repeat := _repeat(case, EventKind.EXTENSION_REQUESTED, on, data):
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
        _check_date(on, state, "申请延期日期")
        deadline = reply_deadline(state)
        if deadline.due is not None and on > deadline.due:
            raise Refused(f"答复期限 {deadline.due} 已过，不能再申请延期", "on")
        return _append(case, EventKind.EXTENSION_REQUESTED, on, data, user)


def approve_extension(case: Application, *, on: date, user) -> CaseEvent:
    """Approval by the head of the disclosure office (政府信息公开工作机构负责人, Art. 33¶2)."""
    with transaction.atomic():
        case, state = _locked(case)
        approved = state.extension_workdays
        if approved and _latest(case).kind == EventKind.EXTENSION_APPROVED:
            return _latest(case)
        if not access.can(user, "case.approve_extension", case.agency):
            raise Refused("延期答复须经政府信息公开工作机构负责人批准，您没有审批权限")
        CASE_RULES.require("extension_approved", state)
        _check_date(on, state, "批准日期")
        data = {"workdays": state.extension_requested, "approver": str(user)}
        return _append(case, EventKind.EXTENSION_APPROVED, on, data, user)


# ---- fees (国办函〔2020〕109号) ---------------------------------------------------------------


def rank_in_month(case: Application) -> int:
    """The case's place among its applicant's applications to its agency in its receipt month.

    Same applicant means the same ID number or credit code; applications are ordered by the
    date received, then by registration, so the rank never changes once given.
    """
    if not case.applicant_key:
        return 1
    month = case.received_on.replace(day=1)
    earlier = Application.objects.filter(
        agency=case.agency_id,
        applicant_key=case.applicant_key,
        received_on__gte=month,
    ).filter(Q(received_on__lt=case.received_on) | Q(received_on=case.received_on, pk__lt=case.pk))
    return earlier.count() + 1


def assess_fee(
    case: Application,
    *,
    on: date,
    method: str,
    user,
    pages: int | None = None,
    charged: Decimal | str | None = None,
    reduction_reason: str = "",
) -> CaseEvent:
    """Charge one processing fee by one method, or record why it is reduced to nothing.

    按件 charges by the case's rank in its applicant's month (`rank_in_month`), counted from
    the cases; 按量 by the `pages` given. A fee to pay sends the notice and stops the reply
    clock until it is paid; the applicant has 20 working days to pay.
    """
    with transaction.atomic():
        case, state = _locked(case)
        latest = _latest(case)
        if latest.kind in (EventKind.FEE_NOTICE, EventKind.FEE_WAIVED) and latest.on == on:
            return latest
        CASE_RULES.require("fee", state)
        _check_date(on, state, "通知日期")
        if method not in FeeMethod.values:
            raise Refused("请选择计收方式", "method")
        if method == FeeMethod.PER_ITEM:
            count = rank_in_month(case)
            computed = per_item_fee(count)
        else:
            if pages is None:
                raise Refused("按量计收的，请填写页数", "pages")
            try:
                computed = per_page_fee(pages)
            except FeeError as error:
                raise Refused(str(error), "pages") from None
            count = pages
        try:
            amount = computed if charged in (None, "") else Decimal(str(charged))
        except InvalidOperation:
            raise Refused("实收金额应为数字", "charged") from None
        if amount < 0 or amount > computed:
            raise Refused(f"实收金额应在0至{computed}元之间", "charged")
        reason = reduction_reason.strip()
        if amount < computed and not reason:
            raise Refused("减免信息处理费的，请写明理由", "reduction_reason")
        data = {
            "method": method,
            "count": count,
            "computed": str(computed),
            "amount": str(amount.quantize(Decimal("0.01"))),
            "reduction_reason": reason,
        }
        if amount == 0:
            return _append(case, EventKind.FEE_WAIVED, on, data, user)
        payment_due = _due(clock.fee_payment_due, on)
        data["payment_due"] = payment_due.isoformat() if payment_due else ""
        return _append(case, EventKind.FEE_NOTICE, on, data, user)


def fee_paid(case: Application, *, on: date, user) -> CaseEvent:
    with transaction.atomic():
        case, state = _locked(case)
        if repeat := _repeat(case, EventKind.FEE_PAID, on, {}):
            return repeat
        CASE_RULES.require("fee_paid", state)
        _check_date(on, state, "缴费日期")
        return _append(case, EventKind.FEE_PAID, on, {}, user)


def lapse_fee(case: Application, *, on: date, user) -> CaseEvent:
    """Not paid within 20 working days: deemed abandoned (国办函〔2020〕109号)."""
    with transaction.atomic():
        case, state = _locked(case)
        if repeat := _repeat(case, EventKind.DECIDED, on, _abandoned(Outcome.OTHER_NO_FEE)):
            return repeat
        CASE_RULES.require("fee_lapsed", state)
        due = _due(clock.fee_payment_due, state.fee_notice_on)
        if due is None or on <= due:
            raise Refused(f"缴费期限 {due or '（待定）'} 尚未届满", "on")
        _check_date(on, state, "日期")
        _append(case, EventKind.FEE_LAPSED, on, {}, user)
        return _append(case, EventKind.DECIDED, on, _abandoned(Outcome.OTHER_NO_FEE), user)


# ---- decision, delivery, closing ----------------------------------------------------------


def decide(
    case: Application,
    *,
    on: date,
    outcome: str,
    legal_basis: str,
    reasons: str,
    user,
    not_this_organs: bool = False,
    responsible_organ: str = "",
    responsible_contact: str = "",
    enclosures: list[str] = (),
) -> CaseEvent:
    """Reply with exactly one outcome of the annual report's table 3 and its legal basis.

    Information that is not this organ's to disclose (Art. 36(5)) counts in the row of
    information not held; the reply must then name the organ responsible for it and, when
    known, how to reach it. A reply that discloses (in whole or in part) may list what it
    sends with it; the reply letter prints them as its 附件.
    """
    data = {"outcome": outcome, "legal_basis": legal_basis.strip(), "reasons": reasons.strip()}
    enclosures = [title.strip() for title in enclosures if title.strip()]
    if enclosures:
        data["enclosures"] = enclosures
    if not_this_organs:
        data |= {
            "not_this_organs": True,
            "responsible_organ": responsible_organ.strip(),
            "responsible_contact": responsible_contact.strip(),
        }
    with transaction.atomic():
        case, state = _locked(case)
        if repeat := _repeat(case, EventKind.DECIDED, on, data):
            return repeat
        CASE_RULES.require("decide", state)
        if outcome not in [o.value for o in DECIDABLE]:
            raise Refused("请选择一个办理结果", "outcome")
        if not data["legal_basis"]:
            raise Refused("答复须写明法律依据（如《政府信息公开条例》第几条）", "legal_basis")
        if outcome != Outcome.GRANTED and not data["reasons"]:
            raise Refused("除予以公开外，答复须说明理由（第三十六条）", "reasons")
        if enclosures and outcome not in DISCLOSING:
            raise Refused("只有予以公开或部分公开的答复才随答复提供信息", "enclosures")
        if outcome == Outcome.UNABLE_UNCLEAR_AFTER_CORRECTION and not state.correction_received:
            raise Refused("只有补正后内容仍不明确的，才能选择此结果", "outcome")
        if not_this_organs:
            if outcome != Outcome.UNABLE_NOT_HELD:
                raise Refused(
                    f"不属于本机关负责公开的，办理结果应选择「{Outcome.UNABLE_NOT_HELD.label}」",
                    "outcome",
                )
            if not data["responsible_organ"]:
                raise Refused(
                    "不属于本机关负责公开的，请写明负责公开该信息的行政机关（第三十六条第（五）项）",
                    "responsible_organ",
                )
        _check_date(on, state, "答复日期")
        return _append(case, EventKind.DECIDED, on, data, user)


def deliver(case: Application, *, on: date, method: str, tracking_number: str, user) -> CaseEvent:
    """The reply reached the applicant: how, when, and the postal tracking number if posted."""
    data = {"method": method, "tracking_number": tracking_number.strip()}
    with transaction.atomic():
        case, state = _locked(case)
        if repeat := _repeat(case, EventKind.DELIVERED, on, data):
            return repeat
        CASE_RULES.require("deliver", state)
        if method not in DeliveryMethod.values:
            raise Refused("请选择送达方式", "method")
        if method == DeliveryMethod.POST and not data["tracking_number"]:
            raise Refused("邮寄送达的，请填写邮件单号", "tracking_number")
        _check_date(on, state, "送达日期")
        return _append(case, EventKind.DELIVERED, on, data, user)


def close(case: Application, *, on: date, user) -> CaseEvent:
    with transaction.atomic():
        case, state = _locked(case)
        if repeat := _repeat(case, EventKind.CLOSED, on, {}):
            return repeat
        CASE_RULES.require("close", state)
        _check_date(on, state, "办结日期")
        return _append(case, EventKind.CLOSED, on, {}, user)


# ---- the cache of derived values -----------------------------------------------------------


def state_of(case: Application) -> State:
    return replay(case.events.order_by("id"))


def refresh(case: Application, state: State | None = None) -> bool:
    """Bring the case's cached status and deadline in line with its events; True if changed."""
    state = state if state is not None else state_of(case)
    values = derived_values(state)
    if all(getattr(case, name) == value for name, value in values.items()):
        return False
    Application.objects.filter(pk=case.pk).update(**values)
    for name, value in values.items():
        setattr(case, name, value)
    return True


def derived_values(state: State) -> dict:
    deadline = reply_deadline(state)
    return {
        "status": state.status,
        "due_date": deadline.due,
        "due_unknown_year": deadline.unknown_year,
        "due_provisional_year": deadline.provisional_year,
        "outcome": state.outcome,
        "decided_on": state.decided_on,
    }


# ---- helpers -------------------------------------------------------------------------------


def _locked(case: Application) -> tuple[Application, State]:
    case = Application.objects.select_for_update().select_related("agency").get(pk=case.pk)
    return case, state_of(case)


def _latest(case: Application) -> CaseEvent:
    return case.events.order_by("-id").first()


def _repeat(case: Application, kind: str, on: date, data: dict) -> CaseEvent | None:
    """The case's latest event if it is this very transition: a form posted twice."""
    latest = _latest(case)
    if latest and latest.kind == kind and latest.on == on and latest.data == data:
        return latest
    return None


def _check_date(on: date, state: State, label: str) -> None:
    if on > today():
        raise Refused(f"{label}不能晚于今天", "on")
    if state.received and on < state.received:
        raise Refused(f"{label} {on} 不能早于收到申请日期 {state.received}", "on")
    if state.pause_started and on < state.pause_started:
        raise Refused(f"{label} {on} 不能早于征求意见或收费通知日期 {state.pause_started}", "on")


def _due(function, start: date) -> date | None:
    try:
        return function(start)
    except CalendarUnknown:
        return None


def _abandoned(outcome: Outcome) -> dict:
    return {"outcome": outcome, "legal_basis": LEGAL_BASIS[outcome], "reasons": "视为放弃申请"}


def _append(case: Application, kind: str, on: date, data: dict, user, note: str = "") -> CaseEvent:
    event = CaseEvent.objects.create(
        case=case,
        kind=kind,
        on=on,
        data=data,
        note=note,
        actor=user if user is not None and user.is_authenticated else None,
    )
    audit.record_transition(case, str(kind), on=on.isoformat(), **data)
    refresh(case)
    return event


def recompute_open_deadlines(*, reason: str, chunk: int = 5000) -> tuple[int, int]:
    """Replay every open case and store the deadline the calendar now gives.

    Returns (cases checked, cases whose cached values changed) and records one audit event
    saying so. Runs inside the caller's transaction (a calendar import's, for one). Rows are
    read as plain values and written grouped by their new values: a calendar change moves
    thousands of cases onto a few hundred distinct dates.
    """
    checked = changed = provisional = 0
    open_ids = list(Application.objects.open().order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(open_ids), chunk):
        ids = open_ids[start : start + chunk]
        entries: dict[int, list[Entry]] = {pk: [] for pk in ids}
        for case_id, kind, on, data in (
            CaseEvent.objects.filter(case_id__in=ids)
            .order_by("id")
            .values_list("case_id", "kind", "on", "data")
        ):
            entries[case_id].append(Entry(kind, on, data))
        moves: dict[tuple, list[int]] = {}
        for pk, *cached in Application.objects.filter(pk__in=ids).values_list(
            "pk", *DERIVED_FIELDS
        ):
            values = derived_values(replay(entries[pk]))
            new = tuple(values[name] for name in DERIVED_FIELDS)
            checked += 1
            provisional += values["due_provisional_year"] is not None
            if new != tuple(cached):
                moves.setdefault(new, []).append(pk)
        for new, pks in moves.items():
            Application.objects.filter(pk__in=pks).update(
                **dict(zip(DERIVED_FIELDS, new, strict=True))
            )
            changed += len(pks)
    audit.append(
        record_type="applications.application",
        record_id="*",
        record_label="全部未办结申请",
        action="recompute_deadlines",
        agency_id=None,
        after={
            "reason": reason,
            "checked": checked,
            "changed": changed,
            "still_provisional": provisional,
        },
    )
    return checked, changed


DERIVED_FIELDS = (
    "status",
    "due_date",
    "due_unknown_year",
    "due_provisional_year",
    "outcome",
    "decided_on",
)


# ---- scans of paper, faxed and oral applications ---------------------------------------------


@dataclass(frozen=True)
class Upload:
    """A file as it arrived: the name the user gave it and its bytes."""

    name: str
    data: bytes


def attach_scans(case: Application, uploads: list[Upload], *, user) -> list[Scan]:
    """Keep scans of an application that did not come online, all of them or none.

    The type comes from the bytes, never from the name: only PDF, JPEG and PNG are taken,
    each no larger than `GONGKAI_SCAN_MAX_BYTES`.
    """
    if case.channel == Channel.ONLINE:
        raise Refused("网上提交的申请无需上传扫描件", "scans")
    if not uploads:
        raise Refused("请选择要上传的扫描件", "scans")
    checked = [(upload, _scan_kind(upload)) for upload in uploads]
    with transaction.atomic():
        scans = []
        for upload, kind in checked:
            scan = Scan(
                case=case,
                name=upload.name[:200],
                kind=kind,
                size=len(upload.data),
                sha256=hashlib.sha256(upload.data).hexdigest(),
                uploaded_by=user,
            )
            scan.file.save(f"{case.pk}.{kind}", ContentFile(upload.data), save=False)
            scan.save()
            scans.append(scan)
        audit.record_transition(
            case, "attach_scans", files=[f"{s.name} ({s.sha256[:12]})" for s in scans]
        )
    return scans


def _scan_kind(upload: Upload) -> str:
    limit = settings.GONGKAI_SCAN_MAX_BYTES
    if not upload.data:
        raise Refused(f"「{upload.name}」是空文件", "scans")
    if len(upload.data) > limit:
        raise Refused(
            f"「{upload.name}」超过 {limit // (1024 * 1024)} MB，请压缩或分开扫描后上传", "scans"
        )
    try:
        kind = sniff(upload.data)
    except AttachmentError:
        kind = ""
    if kind not in ScanKind.values:
        raise Refused(
            f"「{upload.name}」的内容不是 PDF、JPEG 或 PNG 文件（按文件内容判断，与扩展名无关）",
            "scans",
        )
    return kind


# ---- similar requests (Art. 35, Art. 44) ---------------------------------------------------


@dataclass(frozen=True)
class Similar:
    """Earlier cases of the same agency worth seeing at intake."""

    same_applicant: list[Application]  # repeat or bulk applications (Art. 35)
    same_information: list[Application]  # asked by others: a candidate for Art. 44

    @property
    def proactive_candidate(self) -> bool:
        return len({c.applicant_name for c in self.same_information}) >= 2


def similar_cases(case: Application, limit: int = 10) -> Similar:
    others = Application.objects.filter(agency=case.agency_id).exclude(pk=case.pk)
    same_person = others.filter(
        Q(phone=case.phone) | Q(applicant_name=case.applicant_name)
    ).order_by("-received_on")
    asked = Q(description=case.description)
    if case.document_number:
        asked |= Q(document_number=case.document_number)
    same_info = (
        others.filter(asked).exclude(applicant_name=case.applicant_name).order_by("-received_on")
    )
    return Similar(list(same_person[:limit]), list(same_info[:limit]))


# ---- the public status lookup ---------------------------------------------------------------


def online_replies(case: Application) -> list:
    """The reply letters an applicant who chose 网上获取 may download from the status page:
    only once delivery is recorded, so the clock and the letter agree on when he got it."""
    if case.delivery_method != DeliveryMethod.ONLINE:
        return []
    if not case.events.filter(kind=EventKind.DELIVERED).exists():
        return []
    return list(case.letters.filter(kind=LetterKind.REPLY).order_by("id"))


def find_by_tracking(code: str, phone: str) -> Application | None:
    """The case with this tracking code whose applicant gave this phone number, if any."""
    code = normalize_tracking_code(code)
    if len(code) != TRACKING_LENGTH:
        return None
    case = Application.objects.select_related("agency").filter(tracking_code=code).first()
    if case is None or _digits(case.phone) != _digits(phone) or not _digits(phone):
        return None
    return case


def lookup_allowed(client: str, limit: int) -> bool:
    """Record one lookup by `client` and say whether it is within `limit` per 15 minutes."""
    now = timezone.now()
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{client}".encode()).hexdigest()
    StatusLookup.objects.filter(at__lt=now - timedelta(days=1)).delete()
    recent = StatusLookup.objects.filter(client_digest=digest, at__gte=now - timedelta(minutes=15))
    if recent.count() >= limit:
        return False
    StatusLookup.objects.create(client_digest=digest)
    return True


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())
