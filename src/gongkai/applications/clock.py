"""The statutory clock of a disclosure application: its reply deadline and the other periods.

Pure functions of dates and the working-day calendar. A case keeps only its dated events (receipt,
补正, consultations, extension) and derives every deadline from them here, so a calendar import
can move them all. Each period is counted in working days from the day after its trigger: the
trigger day itself is never counted (ogi-spec §7). Articles cited are those of the 中华人民共和国
政府信息公开条例 (2019, 国务院令第711号) unless another document is named.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from gongkai.calendar.workdays import add_workdays, workdays_between

REPLY_WORKDAYS = 20  # Art. 33¶2: reply within 20 working days of receipt
MAX_EXTENSION_WORKDAYS = 20  # Art. 33¶2: an approved extension adds at most 20 working days
CORRECTION_NOTICE_WORKDAYS = 7  # Art. 30: ask for 补正 once, within 7 working days of receipt
THIRD_PARTY_ANSWER_WORKDAYS = 15  # Art. 32 (third party) and Art. 34 (co-makers): 15 working days
FEE_PAYMENT_WORKDAYS = 20  # 国办函〔2020〕109号: pay within 20 working days of the notice

Pause = tuple[date, date]


class ClockError(ValueError):
    """Dates that cannot describe a real case."""


class ExtensionTooLong(ClockError):
    """An extension of more than the 20 working days Art. 33 allows."""


@dataclass(frozen=True)
class ClockStatus:
    """Where a case's reply clock stands on a given day."""

    due: date
    allowed: int  # working days the applicant may be kept waiting, extension included
    used: int  # counted working days up to the day (never more than `allowed`)
    left: int
    overdue: bool  # the day is after the due date
    overdue_workdays: int  # working days after the due date up to the day
    paused: bool  # the day falls inside a pause


def reply_due_date(
    received: date,
    *,
    correction_received: date | None = None,
    pauses: Iterable[Pause] = (),
    extension_workdays: int = 0,
) -> date:
    """The last day to reply to an application.

    20 working days after `received`, or after `correction_received` when a 补正 was asked for
    (the period starts again, Art. 30). Each pause `(start, end)` — a consultation of a third
    party or another organ (Art. 32–34), or a fee payment window — stops the clock: working
    days after `start` up to and including `end` are not counted (Art. 33¶3). An approved
    extension adds up to 20 working days (Art. 33¶2).
    """
    start, ordered, allowed = _checked(received, correction_received, pauses, extension_workdays)
    cursor, remaining = start, allowed
    for pause_start, pause_end in ordered:
        if pause_end <= cursor:
            continue  # spent before the clock (re)started: nothing to stop
        stop = max(pause_start, cursor)
        # The pause's first day still counts: when the period runs out by then, the pause
        # comes too late to move the deadline.
        available = workdays_between(cursor, stop)
        if available >= remaining:
            break
        remaining -= available
        cursor = pause_end
    return add_workdays(cursor, remaining)


def clock_status(
    received: date,
    on: date,
    *,
    correction_received: date | None = None,
    pauses: Iterable[Pause] = (),
    extension_workdays: int = 0,
) -> ClockStatus:
    """Working days used and left, and lateness, on day `on`.

    A pause still under way on `on` is passed as `(start, on)`.
    """
    pauses = tuple(pauses)
    due = reply_due_date(
        received,
        correction_received=correction_received,
        pauses=pauses,
        extension_workdays=extension_workdays,
    )
    start, ordered, allowed = _checked(received, correction_received, pauses, extension_workdays)
    used = _counted(start, min(on, due), ordered)
    overdue = on > due
    return ClockStatus(
        due=due,
        allowed=allowed,
        used=used,
        left=allowed - used,
        overdue=overdue,
        overdue_workdays=workdays_between(due, on) if overdue else 0,
        paused=any(pause_start < on <= pause_end for pause_start, pause_end in ordered),
    )


def correction_notice_due(received: date) -> date:
    """Last day to send the one-time 补正 notice (Art. 30: 7 working days of receipt)."""
    return add_workdays(received, CORRECTION_NOTICE_WORKDAYS)


def third_party_answer_due(letter_received: date) -> date:
    """Last day for a consulted third party or co-maker to answer (Art. 32, Art. 34).

    Counted from the day the letter reached them; silence after it lets the organ decide.
    """
    return add_workdays(letter_received, THIRD_PARTY_ANSWER_WORKDAYS)


def fee_payment_due(notice_received: date) -> date:
    """Last day to pay a processing fee (国办函〔2020〕109号: 20 working days after the
    applicant receives the notice); unpaid, the application is deemed abandoned."""
    return add_workdays(notice_received, FEE_PAYMENT_WORKDAYS)


def _checked(
    received: date,
    correction_received: date | None,
    pauses: Iterable[Pause],
    extension_workdays: int,
) -> tuple[date, list[Pause], int]:
    """The clock's start, its pauses in order and the working days allowed, or ClockError."""
    if correction_received is not None and correction_received < received:
        raise ClockError(
            f"补正后申请的收到日期 {correction_received.isoformat()} "
            f"早于原申请的收到日期 {received.isoformat()}"
        )
    if extension_workdays < 0:
        raise ClockError(f"延长的工作日数不能为负数：{extension_workdays}")
    if extension_workdays > MAX_EXTENSION_WORKDAYS:
        raise ExtensionTooLong(
            f"延长答复期限最长 {MAX_EXTENSION_WORKDAYS} 个工作日"
            f"（《政府信息公开条例》第三十三条），不能延长 {extension_workdays} 个工作日"
        )
    ordered = sorted(pauses)
    for pause_start, pause_end in ordered:
        if pause_end < pause_start:
            raise ClockError(
                f"中止计时的结束日期 {pause_end.isoformat()} 早于开始日期 {pause_start.isoformat()}"
            )
        if pause_start < received:
            raise ClockError(
                f"中止计时的开始日期 {pause_start.isoformat()} "
                f"早于申请的收到日期 {received.isoformat()}"
            )
    for (first_start, first_end), (second_start, second_end) in pairwise(ordered):
        if second_start < first_end:
            raise ClockError(
                f"中止计时期间重叠：{first_start.isoformat()} 至 {first_end.isoformat()} 与 "
                f"{second_start.isoformat()} 至 {second_end.isoformat()}"
            )
    start = correction_received or received
    return start, ordered, REPLY_WORKDAYS + extension_workdays


def _counted(start: date, end: date, ordered: list[Pause]) -> int:
    """Working days after `start` up to and including `end` that no pause stops."""
    if end <= start:
        return 0
    counted = workdays_between(start, end)
    for pause_start, pause_end in ordered:
        low, high = max(pause_start, start), min(pause_end, end)
        if high > low:
            counted -= workdays_between(low, high)
    return counted
