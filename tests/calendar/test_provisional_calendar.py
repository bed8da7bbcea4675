"""A year whose holiday notice is not imported is counted on the statutory holidays alone and
marked provisional (暂定); code that must not guess still gets CalendarUnknown."""

from datetime import date

import pytest

from gongkai.calendar import workdays
from gongkai.calendar.workdays import (
    CalendarUnknown,
    add_workdays,
    confirmed_schedule_for,
    is_workday,
    provisional_year,
    schedule_for,
    workdays_between,
)

pytestmark = pytest.mark.usefixtures("calendar")


def test_a_year_without_a_notice_is_counted_on_the_statutory_holidays():
    # From Fri 18 Dec 2026: 9 working days to the end of 2026, 1 Jan 2027 off by law.
    assert add_workdays(date(2026, 12, 18), 20) == date(2027, 1, 18)
    assert not is_workday(date(2027, 1, 1))
    # 2027's Spring Festival: 除夕 Fri 5 Feb to 初三 Mon 8 Feb, the weekend made up on 9–10 Feb.
    assert [is_workday(date(2027, 2, day)) for day in range(4, 12)] == [
        True,
        False,
        False,
        False,
        False,
        False,
        False,
        True,
    ]
    assert workdays_between(date(2026, 12, 31), date(2027, 1, 8)) == 5


def test_the_schedule_says_it_is_provisional():
    schedule = schedule_for(2027)
    assert schedule.provisional
    assert schedule.source == workdays.PROVISIONAL_SOURCE
    assert schedule.provisional_note() == "暂定，按法定节假日推算，2027年节假日安排公布后自动更新"
    assert not schedule_for(2026).provisional
    assert schedule_for(2026).provisional_note() == ""


def test_a_date_is_provisional_when_its_count_runs_through_such_a_year():
    assert provisional_year(date(2026, 12, 18), date(2027, 1, 18)) == 2027
    assert provisional_year(date(2026, 11, 2), date(2026, 11, 30)) is None
    assert provisional_year(date(2027, 3, 1)) == 2027
    assert provisional_year(None) is None


def test_code_that_must_not_guess_still_gets_calendar_unknown():
    with pytest.raises(CalendarUnknown) as raised:
        confirmed_schedule_for(2027)
    assert str(raised.value) == "2027年节假日安排未导入"
    assert confirmed_schedule_for(2026).year == 2026


@pytest.mark.parametrize("day", [date(2003, 6, 2), date(2100, 3, 1)])
def test_years_the_law_cannot_be_applied_to_stay_unknown(day):
    # Before the package's first year (and before the 2025 rules), and after lunardate's range.
    with pytest.raises(CalendarUnknown, match=f"{day.year}年节假日安排未导入"):
        is_workday(day)
