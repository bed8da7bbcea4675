"""The working-day calendar every statutory period of the 条例 is counted on.

A working day (工作日) is a Monday to Friday that the State Council's holiday notice does not
make a holiday, or a weekend day that the notice makes a working day (调休上班). The days come
from schedules that staff import (`gongkai calendar import`) and, for the years it covers, from
the `chinesecalendar` package; an imported schedule wins over the package. A year with neither
raises `CalendarUnknown`: a deadline is never guessed.

Lookups read per-year tables built once per process. An import in this process refreshes them at
once; an import made by another process (the command line, another web worker) is noticed within
`REVALIDATE_SECONDS`, at the cost of one small query per interval.
"""

import math
import threading
import time
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta

import chinese_calendar
from chinese_calendar.constants import Holiday
from django.db.models import Count, Max
from django.dispatch import Signal

from . import statutory_holidays
from .models import HolidaySchedule

# The schedule's types are part of the calendar's interface: callers import them from here.
from .schedules import IMPORTED_SOURCE as IMPORTED_SOURCE
from .schedules import (
    PACKAGE_SOURCE,
    PROVISIONAL_SOURCE,
    CalendarUnknown,
    DayKind,
    ScheduleDay,
    YearSchedule,
)
from .schedules import provisional_note as provisional_note

REVALIDATE_SECONDS = 30.0

# Sent inside the import's transaction, after the calendar already answers with the new days,
# with `year` and `schedule` (the HolidaySchedule). Receivers recompute what depends on the
# calendar (open deadlines); an exception in a receiver rolls the whole import back.
schedule_changed = Signal()


@dataclass(frozen=True)
class _YearTable:
    ordinals: tuple[int, ...]  # the year's working days, ascending, as date ordinals
    ordinal_set: frozenset[int]


@dataclass
class _State:
    fingerprint: tuple | None = None
    imported: dict[int, YearSchedule] = field(default_factory=dict)
    # None marks a year known to have no schedule, so misses stay as cheap as hits.
    schedules: dict[int, YearSchedule | None] = field(default_factory=dict)
    tables: dict[int, _YearTable | None] = field(default_factory=dict)
    checked_at: float = -math.inf


_state = _State()
_lock = threading.Lock()
_CHINESE_NAMES = {holiday.value: holiday.chinese for holiday in Holiday}


def is_workday(day: date) -> bool:
    """Whether `day` is a working day."""
    return day.toordinal() in _table(day.year).ordinal_set


def add_workdays(start: date, n: int) -> date:
    """The n-th working day strictly after `start` (`start` itself is never counted)."""
    if n < 0:
        raise ValueError(f"工作日数不能为负数：{n}")
    if n == 0:
        return start
    year = start.year
    table = _table(year)
    index = bisect_right(table.ordinals, start.toordinal()) + n - 1
    while index >= len(table.ordinals):
        index -= len(table.ordinals)
        year += 1
        table = _table(year)
    return date.fromordinal(table.ordinals[index])


def workdays_between(a: date, b: date) -> int:
    """Working days after `a` up to and including `b`; negative when `b` is before `a`."""
    if b < a:
        return -workdays_between(b, a)
    first = _table(a.year)
    after_a = bisect_right(first.ordinals, a.toordinal())
    if a.year == b.year:
        return bisect_right(first.ordinals, b.toordinal()) - after_a
    count = len(first.ordinals) - after_a
    for year in range(a.year + 1, b.year):
        count += len(_table(year).ordinals)
    return count + bisect_right(_table(b.year).ordinals, b.toordinal())


def schedule_for(year: int) -> YearSchedule:
    """The schedule the calendar uses for `year`: imported, else the package's, else provisional."""
    schedule = _schedule(_current_state(), year)
    if schedule is None:
        raise CalendarUnknown(year)
    return schedule


def confirmed_schedule_for(year: int) -> YearSchedule:
    """The year's schedule for code that must not guess: `CalendarUnknown` while provisional."""
    schedule = schedule_for(year)
    if schedule.provisional:
        raise CalendarUnknown(year)
    return schedule


# The State Council's notice for the next year usually comes out in November: from then on,
# the workbench warns while that year is still counted provisionally (or not at all).
WARN_FROM_MONTH = 11


def next_year_awaited(today: date) -> int | None:
    """From 1 November, next year while its schedule is not imported or packaged; else None."""
    if today.month < WARN_FROM_MONTH:
        return None
    year = today.year + 1
    schedule = _schedule(_current_state(), year)
    return year if schedule is None or schedule.provisional else None


def provisional_year(*days: date) -> int | None:
    """The first year from the earliest to the latest of `days` that is counted provisionally.

    A period that runs from one day to another went through every year in between, so a date
    counted from `start` to `end` is provisional when any of those years is.
    """
    known = [day for day in days if day is not None]
    if not known:
        return None
    state = _current_state()
    for year in range(min(known).year, max(known).year + 1):
        schedule = _schedule(state, year)
        if schedule is not None and schedule.provisional:
            return year
    return None


def invalidate() -> None:
    """Forget every cached year, so the next lookup reads imported schedules afresh."""
    global _state
    with _lock:
        _state = _State()


def _table(year: int) -> _YearTable:
    state = _current_state()
    try:
        table = state.tables[year]
    except KeyError:
        schedule = _schedule(state, year)
        table = state.tables.setdefault(year, None if schedule is None else _build(schedule))
    if table is None:
        raise CalendarUnknown(year)
    return table


def _current_state() -> _State:
    global _state
    state, now = _state, time.monotonic()
    if now - state.checked_at < REVALIDATE_SECONDS:
        return state
    with _lock:
        state = _state
        if now - state.checked_at >= REVALIDATE_SECONDS:
            fingerprint = _imported_fingerprint()
            if fingerprint != state.fingerprint:
                state = _State(fingerprint=fingerprint, imported=_load_imported())
            state.checked_at = now
            _state = state
    return state


def _imported_fingerprint() -> tuple:
    # Every import rewrites `imported_at`, and removing a schedule changes the count.
    found = HolidaySchedule.objects.aggregate(count=Count("pk"), last=Max("imported_at"))
    return (found["count"], found["last"])


def _load_imported() -> dict[int, YearSchedule]:
    return {
        schedule.year: schedule.as_year_schedule()
        for schedule in HolidaySchedule.objects.prefetch_related("days")
    }


def _schedule(state: _State, year: int) -> YearSchedule | None:
    try:
        return state.schedules[year]
    except KeyError:
        found = state.imported.get(year) or _package_schedule(year) or _provisional_schedule(year)
        return state.schedules.setdefault(year, found)


def _package_schedule(year: int) -> YearSchedule | None:
    try:
        chinese_calendar.is_workday(date(year, 1, 1))
    except NotImplementedError:
        return None
    days = []
    for day in _days_of(year):
        is_holiday, name = chinese_calendar.get_holiday_detail(day)
        if name is not None:
            kind = DayKind.HOLIDAY if is_holiday else DayKind.MAKEUP_WORKDAY
            days.append(ScheduleDay(day, kind, _CHINESE_NAMES.get(name, name)))
    return YearSchedule(year, tuple(days), PACKAGE_SOURCE)


def _provisional_schedule(year: int) -> YearSchedule | None:
    try:
        holidays = statutory_holidays.statutory_holidays(year)
    except ValueError:
        return None
    days = tuple(ScheduleDay(day, DayKind.HOLIDAY, name) for day, name in holidays)
    return YearSchedule(year, days, PROVISIONAL_SOURCE, provisional=True)


def _build(schedule: YearSchedule) -> _YearTable:
    holidays = {day.date for day in schedule.days if day.kind == DayKind.HOLIDAY}
    makeups = {day.date for day in schedule.days if day.kind == DayKind.MAKEUP_WORKDAY}
    ordinals = tuple(
        day.toordinal()
        for day in _days_of(schedule.year)
        if day in makeups or (day.weekday() < 5 and day not in holidays)
    )
    return _YearTable(ordinals, frozenset(ordinals))


def _days_of(year: int):
    day = date(year, 1, 1)
    while day.year == year:
        yield day
        day += timedelta(days=1)
