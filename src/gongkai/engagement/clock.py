"""The reply clock of a message: pure functions of dates and the working-day calendar.

Counted as every other period here (engagement-and-oversight.md §2, as `applications/clock.py`):
the day of receipt is never counted, the day after is day 1, working days come from the shared
calendar (`calendar/workdays.py`), provisional years included and marked as such.
"""

from dataclasses import dataclass
from datetime import date

from gongkai.calendar.schedules import provisional_note
from gongkai.calendar.workdays import add_workdays, provisional_year, workdays_between


class ExtensionRefused(ValueError):
    """An extension the channel's hard maximum or the deadline does not allow; str() is Chinese."""


@dataclass(frozen=True)
class Limits:
    """A channel's limits as one message counts them."""

    reply_workdays: int
    complex_workdays: int
    max_extension_workdays: int


def allowed_workdays(limits: Limits, *, complex_case: bool, extension: int = 0) -> int:
    return (limits.complex_workdays if complex_case else limits.reply_workdays) + extension


def reply_due(received: date, limits: Limits, *, complex_case: bool = False, extension: int = 0):
    """The last day to reply: the channel's limit (the longer one for a complex message) plus
    any extension, counted from the day after `received`."""
    return add_workdays(
        received, allowed_workdays(limits, complex_case=complex_case, extension=extension)
    )


def check_extension(
    limits: Limits,
    workdays: int,
    *,
    on: date,
    due: date,
    extended: int,
    noun: str = "留言",
    limits_of: str = "本渠道",
    deadline: str = "答复期限",
) -> None:
    """More time is asked once, before the deadline has passed, within the hard maximum
    (巢湖: announced on line before the deadline, 15 days at most). The refusal names the record
    (`noun`: 「留言」, 「工单」), whose limits they are (`limits_of`: 「本渠道」, 「本类别」) and
    what its deadline is called (`deadline`: 「答复期限」, 「办理期限」)."""
    if extended:
        raise ExtensionRefused(f"每件{noun}只能延期一次")
    if on > due:
        raise ExtensionRefused(f"{deadline}（{due:%Y-%m-%d}）已过，不能再延期，应尽快答复")
    if not 1 <= workdays <= limits.max_extension_workdays:
        raise ExtensionRefused(
            f"延期须为1至{limits.max_extension_workdays}个工作日（{limits_of}的延期上限）"
        )


def used_workdays(received: date, replied: date) -> int:
    """Working days from receipt to the reply: a reply on the day of receipt took none."""
    return max(0, workdays_between(received, replied))


def due_note(received: date, due: date) -> str:
    """What a deadline counted through a provisional year says beside it; "" otherwise."""
    year = provisional_year(received, due)
    return provisional_note(year) if year else ""
