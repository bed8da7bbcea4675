"""The reply (one outcome of table 3 with its legal basis), its delivery, and closing."""

from datetime import date

from django.db import transaction

from gongkai.lib.errors import Refused

from ..ledger import EventKind
from ..models import Application, CaseEvent, DeliveryMethod
from ..outcomes import Outcome
from ..rules import CASE_RULES
from .events import append, check_date, locked, repeated_event

# Outcomes a handler may choose; the two "deemed abandoned" rows follow from a lapse only.
DECIDABLE = [o for o in Outcome if o not in (Outcome.OTHER_NO_CORRECTION, Outcome.OTHER_NO_FEE)]
# The outcomes that send information with the reply.
DISCLOSING = (Outcome.GRANTED, Outcome.PARTIAL)


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
        case, state = locked(case)
        if repeat := repeated_event(case, EventKind.DECIDED, on, data):
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
        check_date(on, state, "答复日期")
        return append(case, EventKind.DECIDED, on, data, user)


def deliver(case: Application, *, on: date, method: str, tracking_number: str, user) -> CaseEvent:
    """The reply reached the applicant: how, when, and the postal tracking number if posted."""
    data = {"method": method, "tracking_number": tracking_number.strip()}
    with transaction.atomic():
        case, state = locked(case)
        if repeat := repeated_event(case, EventKind.DELIVERED, on, data):
            return repeat
        CASE_RULES.require("deliver", state)
        if method not in DeliveryMethod.values:
            raise Refused("请选择送达方式", "method")
        if method == DeliveryMethod.POST and not data["tracking_number"]:
            raise Refused("邮寄送达的，请填写邮件单号", "tracking_number")
        check_date(on, state, "送达日期")
        return append(case, EventKind.DELIVERED, on, data, user)


def close(case: Application, *, on: date, user) -> CaseEvent:
    with transaction.atomic():
        case, state = locked(case)
        if repeat := repeated_event(case, EventKind.CLOSED, on, {}):
            return repeat
        CASE_RULES.require("close", state)
        check_date(on, state, "办结日期")
        return append(case, EventKind.CLOSED, on, {}, user)
