"""A deadline that depends on a year with no schedule raises CalendarUnknown instead of a guess."""

from datetime import date

import pytest

from gongkai.core.workdays import (
    CalendarUnknown,
    add_workdays,
    is_workday,
    schedule_for,
    workdays_between,
)

pytestmark = pytest.mark.usefixtures("calendar")


@pytest.mark.parametrize(
    "lookup",
    [
        lambda: is_workday(date(2027, 3, 1)),
        lambda: add_workdays(date(2026, 12, 15), 20),  # starts in a known year, ends in 2027
        lambda: workdays_between(date(2026, 12, 1), date(2027, 1, 10)),
        lambda: schedule_for(2027),
    ],
)
def test_year_without_schedule_raises(lookup):
    with pytest.raises(CalendarUnknown) as raised:
        lookup()
    assert str(raised.value) == "2027年节假日安排未导入"
    assert raised.value.year == 2027


def test_years_before_the_package_are_unknown_too():
    with pytest.raises(CalendarUnknown, match="2003年节假日安排未导入"):
        is_workday(date(2003, 6, 2))


def test_answers_inside_a_known_year_need_nothing_more():
    assert add_workdays(date(2026, 12, 1), 20) == date(2026, 12, 29)
    assert add_workdays(date(2027, 5, 1), 0) == date(2027, 5, 1)
