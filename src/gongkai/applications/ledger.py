"""A case's ledger replayed: its status and the inputs of the statutory clock, from dated events.

Pure: the events of one case in order in, a `State` out, and the reply deadline from that state
through `clock`. The case caches what lists need (status, due date) and can always be brought
back in line with its events by replaying them again.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db import models

from gongkai.calendar.workdays import CalendarUnknown, provisional_year

from . import clock


class EventKind(models.TextChoices):
    RECEIVED = "received", "收到申请"
    ASSIGNED = "assigned", "分办"
    CORRECTION_REQUESTED = "correction_requested", "告知补正"
    CORRECTION_RECEIVED = "correction_received", "收到补正材料"
    CORRECTION_LAPSED = "correction_lapsed", "逾期未补正"
    CONSULTATION_STARTED = "consultation_started", "征求意见（中止计时）"
    CONSULTATION_ENDED = "consultation_ended", "征求意见结束（恢复计时）"
    EXTENSION_REQUESTED = "extension_requested", "申请延期答复"
    EXTENSION_APPROVED = "extension_approved", "批准延期答复"
    FEE_WAIVED = "fee_waived", "减免信息处理费"
    FEE_NOTICE = "fee_notice", "发出收费通知（中止计时）"
    FEE_PAID = "fee_paid", "缴纳信息处理费（恢复计时）"
    FEE_LAPSED = "fee_lapsed", "逾期未缴费"
    DECIDED = "decided", "作出答复"
    DELIVERED = "delivered", "送达"
    CLOSED = "closed", "办结"


class Status(models.TextChoices):
    IN_PROGRESS = "in_progress", "办理中"
    AWAITING_CORRECTION = "awaiting_correction", "待申请人补正"
    CONSULTING = "consulting", "征求意见中"
    AWAITING_FEE = "awaiting_fee", "待申请人缴费"
    DECIDED = "decided", "已答复"
    DELIVERED = "delivered", "已送达"
    CLOSED = "closed", "已办结"


OPEN_STATUSES = (
    Status.IN_PROGRESS,
    Status.AWAITING_CORRECTION,
    Status.CONSULTING,
    Status.AWAITING_FEE,
)
# The reply clock stands still: a consultation (Art. 33¶3) or a fee payment window.
PAUSED_STATUSES = (Status.CONSULTING, Status.AWAITING_FEE)
# The next move is the applicant's.
WAITING_STATUSES = (Status.AWAITING_CORRECTION, Status.AWAITING_FEE)


@dataclass(frozen=True)
class Entry:
    kind: str
    on: date
    data: dict = field(default_factory=dict)


@dataclass
class State:
    status: str = Status.IN_PROGRESS
    received: date | None = None
    correction_requested_on: date | None = None
    correction_deadline: date | None = None
    correction_received: date | None = None
    pauses: list[clock.Pause] = field(default_factory=list)
    pause_started: date | None = None
    extension_requested: int | None = None
    extension_workdays: int = 0
    fee_notice_on: date | None = None
    fee_assessed: bool = False
    decided_on: date | None = None
    outcome: str = ""
    delivered_on: date | None = None
    closed_on: date | None = None

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


def replay(entries: Iterable[Entry]) -> State:
    """The state after the events, taken in the order given."""
    state = State()
    for entry in entries:
        _apply(state, entry)
    return state


def _apply(state: State, entry: Entry) -> None:
    kind, on, data = entry.kind, entry.on, entry.data
    if kind == EventKind.RECEIVED:
        state.received = on
    elif kind == EventKind.CORRECTION_REQUESTED:
        state.status = Status.AWAITING_CORRECTION
        state.correction_requested_on = on
        state.correction_deadline = date.fromisoformat(data["deadline"])
    elif kind == EventKind.CORRECTION_RECEIVED:
        state.status = Status.IN_PROGRESS
        state.correction_received = on
    elif kind == EventKind.CONSULTATION_STARTED:
        state.status = Status.CONSULTING
        state.pause_started = on
    elif kind == EventKind.FEE_NOTICE:
        state.status = Status.AWAITING_FEE
        state.pause_started = on
        state.fee_notice_on = on
        state.fee_assessed = True
    elif kind in (EventKind.CONSULTATION_ENDED, EventKind.FEE_PAID):
        state.status = Status.IN_PROGRESS
        state.pauses.append((state.pause_started, on))
        state.pause_started = None
    elif kind == EventKind.FEE_WAIVED:
        state.fee_assessed = True
    elif kind == EventKind.EXTENSION_REQUESTED:
        state.extension_requested = int(data["workdays"])
    elif kind == EventKind.EXTENSION_APPROVED:
        state.extension_workdays = int(data["workdays"])
        state.extension_requested = None
    elif kind in (EventKind.CORRECTION_LAPSED, EventKind.FEE_LAPSED):
        # The application is deemed abandoned; the DECIDED event that follows records it.
        if state.pause_started is not None:
            state.pauses.append((state.pause_started, on))
            state.pause_started = None
    elif kind == EventKind.DECIDED:
        state.status = Status.DECIDED
        state.decided_on = on
        state.outcome = data["outcome"]
    elif kind == EventKind.DELIVERED:
        state.status = Status.DELIVERED
        state.delivered_on = on
    elif kind == EventKind.CLOSED:
        state.status = Status.CLOSED
        state.closed_on = on


@dataclass(frozen=True)
class Deadline:
    """The reply deadline, or why there is none right now."""

    due: date | None
    unknown_year: int | None = None  # the year whose holiday schedule is missing
    # The first year the count ran through on the statutory holidays alone: the date is 暂定
    # until that year's schedule is imported.
    provisional_year: int | None = None


def reply_deadline(state: State) -> Deadline:
    """The reply deadline the events give, or none while it cannot be known.

    None while the applicant owes a 补正 (the period starts again on its receipt, Art. 30),
    while the clock is paused (the pause's end is not known yet), or when the deadline lies in
    a year whose holiday schedule is missing (`unknown_year`). A deadline counted through a
    year whose notice is not imported yet is given, marked with that year (`provisional_year`).
    """
    if state.received is None or state.status == Status.AWAITING_CORRECTION:
        return Deadline(None)
    if state.correction_requested_on and state.correction_received is None:
        return Deadline(None)  # abandoned for want of a 补正: no reply period ever ran
    if state.pause_started is not None:
        return Deadline(None)
    try:
        due = clock.reply_due_date(
            state.received,
            correction_received=state.correction_received,
            pauses=state.pauses,
            extension_workdays=state.extension_workdays,
        )
    except CalendarUnknown as unknown:
        return Deadline(None, unknown.year)
    return Deadline(due, provisional_year=provisional_year(state.received, due))


def clock_on(state: State, on: date) -> clock.ClockStatus | None:
    """Working days used and left on day `on`; None while no reply period runs."""
    if state.received is None or state.status == Status.AWAITING_CORRECTION:
        return None
    if state.correction_requested_on and state.correction_received is None:
        return None
    pauses = list(state.pauses)
    if state.pause_started is not None:
        pauses.append((state.pause_started, max(on, state.pause_started)))
    end = state.decided_on or on
    return clock.clock_status(
        state.received,
        end,
        correction_received=state.correction_received,
        pauses=pauses,
        extension_workdays=state.extension_workdays,
    )
