"""An imported schedule makes its year known, wins over the package, replaces the last one."""

from datetime import date

import pytest
from django.core.management import call_command
from django.utils import timezone

from gongkai.applications.clock import reply_due_date
from gongkai.calendar import workdays
from gongkai.calendar.models import HolidaySchedule, HolidayScheduleDay
from gongkai.calendar.workdays import DayKind, add_workdays, is_workday

from .conftest import SCHEDULE_2027

pytestmark = pytest.mark.usefixtures("calendar")


def test_importing_a_file_makes_the_year_work(write_schedule):
    # Before: counted on the statutory holidays alone, and so provisional.
    assert reply_due_date(date(2026, 12, 31)) == date(2027, 1, 29)
    assert workdays.provisional_year(date(2027, 2, 9)) == 2027
    assert not is_workday(date(2027, 2, 9))

    call_command("calendar", "import", str(write_schedule(SCHEDULE_2027)))

    assert reply_due_date(date(2026, 12, 31)) == date(2027, 1, 29)  # 1 Jan 2027 is off
    assert add_workdays(date(2027, 2, 5), 1) == date(2027, 2, 15)  # the festival week is off
    assert add_workdays(date(2027, 2, 19), 1) == date(2027, 2, 20)  # make-up Saturday
    assert not is_workday(date(2027, 2, 27))  # an ordinary Saturday stays off
    assert workdays.provisional_year(date(2027, 2, 9)) is None


def test_imported_schedule_wins_over_the_package(write_schedule):
    assert is_workday(date(2026, 12, 31))
    call_command(
        "calendar",
        "import",
        str(
            write_schedule(
                """\
year: 2026
notice: 测试发明电〔2026〕2号
holidays:
  - {name: 元旦, from: 2026-12-31, to: 2026-12-31}
"""
            )
        ),
    )
    assert not is_workday(date(2026, 12, 31))
    # The file is the whole year: the package's 2026 holidays no longer apply.
    assert is_workday(date(2026, 10, 1))


def test_reimporting_replaces_the_year(write_schedule):
    call_command("calendar", "import", str(write_schedule(SCHEDULE_2027)))
    call_command(
        "calendar",
        "import",
        str(
            write_schedule(
                SCHEDULE_2027.replace("测试发明电〔2026〕1号", "测试发明电〔2026〕3号").replace(
                    "  - {date: 2027-02-20, name: 春节}\n", ""
                )
            )
        ),
    )
    schedule = HolidaySchedule.objects.get(year=2027)
    assert schedule.notice_number == "测试发明电〔2026〕3号"
    assert not schedule.days.filter(kind=DayKind.MAKEUP_WORKDAY).exists()
    assert not is_workday(date(2027, 2, 20))


def test_import_tells_listeners(write_schedule):
    heard = []

    def listener(sender, year, schedule, **kwargs):
        # Listeners already see the new days, so they can recompute deadlines at once.
        heard.append((year, schedule.notice_number, add_workdays(date(2027, 2, 19), 1)))

    workdays.schedule_changed.connect(listener)
    try:
        call_command("calendar", "import", str(write_schedule(SCHEDULE_2027)))
    finally:
        workdays.schedule_changed.disconnect(listener)
    assert heard == [(2027, "测试发明电〔2026〕1号", date(2027, 2, 20))]


def test_a_failing_listener_undoes_the_import(write_schedule):
    def listener(**kwargs):
        raise RuntimeError("重算期限失败")

    workdays.schedule_changed.connect(listener)
    try:
        with pytest.raises(RuntimeError):
            call_command("calendar", "import", str(write_schedule(SCHEDULE_2027)))
    finally:
        workdays.schedule_changed.disconnect(listener)
    assert not HolidaySchedule.objects.exists()
    assert workdays.schedule_for(2027).provisional


def test_a_schedule_saved_by_another_process_is_noticed(monkeypatch):
    assert is_workday(date(2027, 3, 1))
    schedule = HolidaySchedule.objects.create(
        year=2027, notice_number="测试发明电〔2026〕4号", imported_at=timezone.now()
    )
    HolidayScheduleDay.objects.create(
        schedule=schedule, date=date(2027, 3, 1), kind=DayKind.HOLIDAY, name="测试"
    )
    monkeypatch.setattr(workdays, "REVALIDATE_SECONDS", 0.0)
    assert is_workday(date(2027, 3, 1)) is False
