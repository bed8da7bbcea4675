"""The data of a year's holiday schedule (节假日安排): which days the State Council's notice names,
where the schedule came from, and the error for a year the calendar does not know. Plain types
shared by the calendar (`workdays`) and the stored schedules (`models`)."""

from dataclasses import dataclass
from datetime import date

from django.db import models

PACKAGE_SOURCE = "chinesecalendar 内置数据"
IMPORTED_SOURCE = "导入的节假日安排"
PROVISIONAL_SOURCE = "按法定节假日推算（暂定）"


class CalendarUnknown(Exception):
    """An answer depends on a year whose holiday schedule is neither imported nor built in."""

    def __init__(self, year: int) -> None:
        self.year = year
        super().__init__(f"{year}年节假日安排未导入")


class DayKind(models.TextChoices):
    HOLIDAY = "holiday", "放假"
    MAKEUP_WORKDAY = "makeup_workday", "调休上班"


@dataclass(frozen=True)
class ScheduleDay:
    """A day the holiday notice names: a holiday, or a weekend day worked instead (调休)."""

    date: date
    kind: DayKind
    name: str


@dataclass(frozen=True)
class YearSchedule:
    """Every day one year's notice names; days not listed follow the ordinary week."""

    year: int
    days: tuple[ScheduleDay, ...]
    source: str
    notice: str = ""
    provisional: bool = False  # computed from the law while the year's notice is not imported

    def provisional_note(self) -> str:
        """What every provisional date of this year says, wherever it is shown."""
        if not self.provisional:
            return ""
        return provisional_note(self.year)


def provisional_note(year: int) -> str:
    return f"暂定，按法定节假日推算，{year}年节假日安排公布后自动更新"
