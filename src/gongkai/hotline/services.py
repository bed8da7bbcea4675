"""Taking work orders in from the platform and the moves of a work order; every change is
audited.

The importer and the staff API end in `receive`, idempotent on the platform's order number; the
moves run through `workflow.ORDER_WORKFLOW`, which checks access and the rules before calling
them. The deadline is the shared reply clock of 政民互动 (`engagement/clock.py`) over the
category's limits.
"""

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from gongkai.agencies import access
from gongkai.agencies.models import Agency, Membership
from gongkai.applications import identity
from gongkai.core.audit import record_transition
from gongkai.engagement import clock
from gongkai.lib.errors import Refused

from . import caller as callers
from .models import (
    OPEN_STATUSES,
    HandlingRole,
    ImportBatch,
    OrderCategory,
    OrderStatus,
    Satisfaction,
    WorkOrder,
)
from .rules import ORDER_RULES

# A subject shorter than this («咨询», «投诉») says nothing about the matter.
MATTER_MIN_CHARS = 6
_NOT_MATTER = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class Incoming:
    """One work order as the platform sends it; the importer and the API check its form."""

    number: str
    kind: str
    content: str
    dispatched_at: datetime
    subject: str = ""
    caller: callers.Caller = field(default_factory=callers.Caller)
    confidential: bool = False
    role: str = HandlingRole.LEAD
    lead_unit: str = ""
    co_units: str = ""
    source_row: dict = field(default_factory=dict)
    source_line: int | None = None


def today() -> date:
    return timezone.localdate()


def matter_key(subject: str) -> str:
    """Equal for the same matter told the same way: the subject without spaces and punctuation."""
    words = _NOT_MATTER.sub("", subject).lower()
    return (
        identity.keyed_digest(f"hotline-matter:{words}") if len(words) >= MATTER_MIN_CHARS else ""
    )


def proposed_repeat(order: WorkOrder) -> WorkOrder | None:
    """The latest earlier order of the agency from the same caller or on the same matter within
    the repeat window (`GONGKAI_HOTLINE_REPEAT_DAYS`), proposed for merging."""
    same = Q()
    if order.caller_key:
        same |= Q(caller_key=order.caller_key)
    if order.matter_key:
        same |= Q(matter_key=order.matter_key)
    if not same:
        return None
    since = order.received_on - timedelta(days=settings.GONGKAI_HOTLINE_REPEAT_DAYS)
    return (
        WorkOrder.objects.filter(same, agency_id=order.agency_id, received_on__gte=since)
        .filter(received_on__lte=order.received_on)
        .exclude(pk=order.pk)
        .exclude(status__in=(OrderStatus.MERGED, OrderStatus.RETURNED))
        .order_by("-received_on", "-id")
        .first()
    )


def receive(
    agency: Agency, incoming: Incoming, *, user, batch: ImportBatch | None = None
) -> tuple[WorkOrder, bool]:
    """Record one work order; the same platform number at the same agency records it once and
    returns the order already there, unchanged (`created` is then False)."""
    access.require(user, "workorder.handle", agency)
    number = incoming.number.strip()
    existing = WorkOrder.objects.filter(agency=agency, number=number).first()
    if existing is not None:
        return existing, False
    category = OrderCategory.objects.filter(agency=agency, kind=incoming.kind).first()
    if category is None:
        raise Refused(f"{agency.name}没有设置该类工单", "kind")
    content = incoming.content.strip()
    subject = incoming.subject.strip() or content[:30]
    dispatched = incoming.dispatched_at
    order = WorkOrder(
        agency=agency,
        category=category,
        number=number,
        batch=batch,
        source_row=incoming.source_row,
        source_line=incoming.source_line,
        role=incoming.role,
        lead_unit=incoming.lead_unit.strip(),
        co_units=incoming.co_units.strip(),
        subject=subject,
        content=content,
        confidential=incoming.confidential,
        dispatched_at=dispatched,
        received_on=timezone.localtime(dispatched).date(),
        matter_key=matter_key(subject),
        **callers.stored(incoming.caller, confidential=incoming.confidential),
    )
    order.due_on = order.compute_due()
    order.repeat_of = proposed_repeat(order)
    try:
        with transaction.atomic():
            order.save()
            record_transition(
                order,
                "receive",
                number=number,
                category=category.get_kind_display(),
                due_on=str(order.due_on),
                repeat_of=order.repeat_of.number if order.repeat_of else "",
            )
    except IntegrityError:
        # The same number arrived twice at once: the other one recorded it.
        existing = WorkOrder.objects.filter(agency=agency, number=number).first()
        if existing is not None:
            return existing, False
        raise
    return order, True


def _locked(order: WorkOrder, name: str, user, action: str = "workorder.handle") -> WorkOrder:
    access.require(user, action, order.agency)
    locked = WorkOrder.objects.select_for_update().select_related("category").get(pk=order.pk)
    ORDER_RULES.require(name, locked)
    return locked


def _required(text: str, message: str, field_name: str) -> str:
    text = (text or "").strip()
    if not text:
        raise Refused(message, field_name)
    return text


def _person(user):
    """The user to store as a record's person; a `SystemTask` is none."""
    return user if getattr(user, "pk", None) else None


@transaction.atomic
def accept(order: WorkOrder, *, user) -> WorkOrder:
    """Signed for (签收): the user becomes its handler unless one was named already."""
    order = _locked(order, "accept", user)
    order.status = OrderStatus.ACCEPTED
    order.accepted_on = today()
    order.handler = order.handler or _person(user)
    order.save()
    record_transition(order, "accept", handler=str(order.handler or ""))
    return order


@transaction.atomic
def request_return(order: WorkOrder, *, reason: str, user) -> WorkOrder:
    """Asks to send the order back to the platform (退单), with the reason a reviewer reads."""
    reason = _required(reason, "请写明退单理由（如不属于本单位职责，应由哪个单位办理）", "reason")
    order = _locked(order, "request_return", user)
    order.return_from = order.status
    order.status = OrderStatus.RETURN_REQUESTED
    order.return_reason = reason
    order.return_requested_by = _person(user)
    order.return_opinion = ""
    order.save()
    record_transition(order, "request_return", reason=reason)
    return order


def _reviewing(order: WorkOrder, name: str, user) -> WorkOrder:
    order = _locked(order, name, user, action="workorder.review_return")
    if order.return_requested_by_id is not None and order.return_requested_by_id == getattr(
        user, "pk", None
    ):
        raise Refused("退单申请人不能审核自己的退单申请，请由分管领导或主管部门审核")
    return order


@transaction.atomic
def approve_return(order: WorkOrder, *, opinion: str = "", user) -> WorkOrder:
    """The return is agreed: the order goes back to the platform and its clock stops here."""
    order = _reviewing(order, "approve_return", user)
    order.status = OrderStatus.RETURNED
    order.returned_on = today()
    order.return_opinion = opinion.strip()
    order.save()
    record_transition(order, "approve_return", opinion=order.return_opinion)
    return order


@transaction.atomic
def reject_return(order: WorkOrder, *, opinion: str, user) -> WorkOrder:
    """The return is refused with a reason: the order goes on where it was."""
    opinion = _required(opinion, "请写明驳回退单的理由", "opinion")
    order = _reviewing(order, "reject_return", user)
    order.status = order.return_from or OrderStatus.RECEIVED
    order.return_opinion = opinion
    order.save()
    record_transition(order, "reject_return", opinion=opinion, status=order.status)
    return order


def handlers_of(agency: Agency):
    """The people who may handle the agency's work orders."""
    roles = access.ACTION_ROLES["workorder.handle"]
    ids = Membership.objects.filter(agency=agency, role__in=roles).values("user_id")
    return get_user_model().objects.filter(pk__in=ids, is_active=True).order_by("username")


@transaction.atomic
def reassign(order: WorkOrder, *, reason: str, user, unit=None, handler=None) -> WorkOrder:
    """改派 within the agency: to another internal unit, another handler, or both."""
    reason = _required(reason, "请写明改派的理由", "reason")
    if unit is None and handler is None:
        raise Refused("请选择改派给哪个内设机构或哪位承办人", "unit")
    order = _locked(order, "reassign", user)
    detail = {}
    if unit is not None:
        if unit.agency_id != order.agency_id:
            raise Refused("只能改派给本机关的内设机构", "unit")
        order.unit = unit
        detail["to_unit"] = unit.name
    if handler is not None:
        if not handlers_of(order.agency).filter(pk=handler.pk).exists():
            raise Refused("承办人须为本机关可办理工单的工作人员", "handler")
        order.handler = handler
        detail["to_handler"] = str(handler)
    order.save()
    record_transition(order, "reassign", reason=reason, **detail)
    return order


@transaction.atomic
def extend(order: WorkOrder, *, workdays: int, reason: str, user) -> WorkOrder:
    """More time, once, asked before the deadline within the category's maximum."""
    reason = _required(reason, "请写明延期的理由", "reason")
    order = _locked(order, "extend", user)
    try:
        clock.check_extension(
            order.category.limits,
            workdays,
            on=today(),
            due=order.due_on,
            extended=order.extension_workdays,
            noun="工单",
            limits_of="本类别",
            deadline="办理期限",
        )
    except clock.ExtensionRefused as error:
        raise Refused(str(error), "workdays") from None
    order.extension_workdays = workdays
    order.extension_reason = reason
    order.due_on = order.compute_due()
    order.save()
    record_transition(order, "extend", workdays=workdays, reason=reason, due_on=str(order.due_on))
    return order


@transaction.atomic
def merge(order: WorkOrder, *, into_number: str, user) -> WorkOrder:
    """并单: a repeat joins an earlier order of the agency, which is answered for both; the
    repeat's own clock stops."""
    into_number = _required(into_number, "请填写并入的工单编号", "into_number")
    order = _locked(order, "merge", user)
    target = WorkOrder.objects.filter(agency_id=order.agency_id, number=into_number).first()
    if target is None:
        raise Refused(f"本机关没有编号为{into_number}的工单", "into_number")
    if target.pk == order.pk:
        raise Refused("不能并入工单本身", "into_number")
    if target.status in (OrderStatus.MERGED, OrderStatus.RETURNED):
        raise Refused(
            f"工单{target.number}{target.get_status_display()}，不能再并入", "into_number"
        )
    order.status = OrderStatus.MERGED
    order.merged_into = target
    order.save()
    record_transition(order, "merge", into=target.number)
    record_transition(target, "merged_in", number=order.number)
    return order


@transaction.atomic
def reply(order: WorkOrder, *, text: str, user) -> WorkOrder:
    """The answer to the caller, sent back to the platform; the used working days are kept."""
    text = _required(text, "请填写答复内容", "text")
    order = _locked(order, "reply", user)
    order.reply_text = text
    order.status = OrderStatus.REPLIED
    order.replied_on = today()
    order.reply_workdays = clock.used_workdays(order.received_on, order.replied_on)
    order.save()
    record_transition(order, "reply", reply_workdays=order.reply_workdays)
    return order


@transaction.atomic
def close(order: WorkOrder, *, user) -> WorkOrder:
    order = _locked(order, "close", user)
    order.status = OrderStatus.CLOSED
    order.closed_on = today()
    order.save()
    record_transition(order, "close")
    return order


@transaction.atomic
def record_callback(
    order: WorkOrder, *, callback_on: date, satisfaction: str, note: str = "", user
) -> WorkOrder:
    """The platform's callback (回访) to the caller and the satisfaction it recorded."""
    if satisfaction not in Satisfaction.values:
        raise Refused("请选择回访的满意度", "satisfaction")
    order = _locked(order, "record_callback", user)
    if callback_on > today():
        raise Refused("回访日期不能晚于今天", "callback_on")
    if order.replied_on and callback_on < order.replied_on:
        raise Refused(f"回访日期不能早于答复日期（{order.replied_on:%Y-%m-%d}）", "callback_on")
    order.callback_on = callback_on
    order.satisfaction = satisfaction
    order.callback_note = note.strip()
    order.save()
    record_transition(
        order, "record_callback", satisfaction=satisfaction, callback_on=str(callback_on)
    )
    return order


def recompute_open_deadlines(reason: str, orders=None) -> int:
    """Every open order's deadline (of `orders`, else all) again from its dates and its
    category's limits, after a holiday calendar change or new limits."""
    moved = 0
    orders = WorkOrder.objects.all() if orders is None else orders
    for order in orders.filter(status__in=OPEN_STATUSES).select_related("category"):
        due = order.compute_due()
        if due != order.due_on:
            order.due_on = due
            order.save(update_fields=["due_on"])
            record_transition(order, "recompute_due", due_on=str(due), reason=reason)
            moved += 1
    return moved
