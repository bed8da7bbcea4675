"""Information processing fees on a case (国办函〔2020〕109号)."""

from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.db.models import Q

from gongkai.lib.errors import Refused

from .. import clock
from ..fees import FeeError, FeeMethod, per_item_fee, per_page_fee
from ..ledger import EventKind
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
)


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
        case, state = locked(case)
        latest = latest_event(case)
        if latest.kind in (EventKind.FEE_NOTICE, EventKind.FEE_WAIVED) and latest.on == on:
            return latest
        CASE_RULES.require("fee", state)
        check_date(on, state, "通知日期")
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
            return append(case, EventKind.FEE_WAIVED, on, data, user)
        payment_due = due_or_none(clock.fee_payment_due, on)
        data["payment_due"] = payment_due.isoformat() if payment_due else ""
        return append(case, EventKind.FEE_NOTICE, on, data, user)


def fee_paid(case: Application, *, on: date, user) -> CaseEvent:
    with transaction.atomic():
        case, state = locked(case)
        if repeat := repeated_event(case, EventKind.FEE_PAID, on, {}):
            return repeat
        CASE_RULES.require("fee_paid", state)
        check_date(on, state, "缴费日期")
        return append(case, EventKind.FEE_PAID, on, {}, user)


def lapse_fee(case: Application, *, on: date, user) -> CaseEvent:
    """Not paid within 20 working days: deemed abandoned (国办函〔2020〕109号)."""
    with transaction.atomic():
        case, state = locked(case)
        if repeat := repeated_event(case, EventKind.DECIDED, on, abandoned(Outcome.OTHER_NO_FEE)):
            return repeat
        CASE_RULES.require("fee_lapsed", state)
        due = due_or_none(clock.fee_payment_due, state.fee_notice_on)
        if due is None or on <= due:
            raise Refused(f"缴费期限 {due or '（待定）'} 尚未届满", "on")
        check_date(on, state, "日期")
        append(case, EventKind.FEE_LAPSED, on, {}, user)
        return append(case, EventKind.DECIDED, on, abandoned(Outcome.OTHER_NO_FEE), user)
