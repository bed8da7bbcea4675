"""Writing a case's ledger: lock, replay, refuse a repeated or impossible date, append.

Every transition locks the case, replays its events, refuses an illegal move with a `Refused`
in Chinese (nothing is written then), appends one event, records it in the audit trail and
refreshes the case's cached status and deadline. Posting the same transition twice (a
double-clicked form) returns the first event instead of failing or writing twice.
"""

from datetime import date

from django.utils import timezone

from gongkai.calendar.workdays import CalendarUnknown
from gongkai.core import audit
from gongkai.lib.errors import Refused

from ..ledger import State
from ..models import Application, CaseEvent
from ..outcomes import LEGAL_BASIS, Outcome
from .cache import refresh, state_of


def today() -> date:
    return timezone.localdate()


def locked(case: Application) -> tuple[Application, State]:
    case = Application.objects.select_for_update().select_related("agency").get(pk=case.pk)
    return case, state_of(case)


def latest_event(case: Application) -> CaseEvent:
    return case.events.order_by("-id").first()


def repeated_event(case: Application, kind: str, on: date, data: dict) -> CaseEvent | None:
    """The case's latest event if it is this very transition: a form posted twice."""
    latest = latest_event(case)
    if latest and latest.kind == kind and latest.on == on and latest.data == data:
        return latest
    return None


def check_date(on: date, state: State, label: str) -> None:
    if on > today():
        raise Refused(f"{label}不能晚于今天", "on")
    if state.received and on < state.received:
        raise Refused(f"{label} {on} 不能早于收到申请日期 {state.received}", "on")
    if state.pause_started and on < state.pause_started:
        raise Refused(f"{label} {on} 不能早于征求意见或收费通知日期 {state.pause_started}", "on")


def due_or_none(function, start: date) -> date | None:
    try:
        return function(start)
    except CalendarUnknown:
        return None


def abandoned(outcome: Outcome) -> dict:
    return {"outcome": outcome, "legal_basis": LEGAL_BASIS[outcome], "reasons": "视为放弃申请"}


def append(case: Application, kind: str, on: date, data: dict, user, note: str = "") -> CaseEvent:
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
