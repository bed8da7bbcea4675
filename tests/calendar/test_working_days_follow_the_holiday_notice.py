"""Working days are Mon–Fri that are not holidays, plus the weekend days worked instead (调休)."""

from datetime import date

import pytest

from gongkai.calendar.workdays import add_workdays, is_workday, workdays_between

pytestmark = pytest.mark.usefixtures("calendar")


@pytest.mark.parametrize(
    ("day", "working", "why"),
    [
        ("2025-09-26", True, "an ordinary Friday"),
        ("2025-09-27", False, "an ordinary Saturday"),
        ("2025-09-28", True, "Sunday worked before National Day (调休)"),
        ("2025-10-01", False, "National Day"),
        ("2025-10-06", False, "Mid-autumn Festival inside the National Day week"),
        ("2025-10-08", False, "last day of the National Day week, a Wednesday"),
        ("2025-10-09", True, "Thursday after the holiday week"),
        ("2025-10-11", True, "Saturday worked after National Day (调休)"),
        ("2025-01-26", True, "Sunday worked before Spring Festival"),
        ("2025-01-28", False, "Spring Festival eve"),
        ("2026-01-02", False, "New Year bridge day, a Friday"),
        ("2026-01-04", True, "Sunday worked after New Year"),
    ],
)
def test_is_workday(day, working, why):
    assert is_workday(date.fromisoformat(day)) is working, why


# ogi-spec §7, computed with chinesecalendar 1.11.0; the start day is never counted.
@pytest.mark.parametrize(
    ("start", "n", "due"),
    [
        ("2025-09-26", 7, "2025-10-13"),  # 9-28 and 10-11 worked, 10-01…10-08 off
        ("2025-09-26", 15, "2025-10-23"),
        ("2025-09-26", 20, "2025-10-30"),
        ("2025-09-27", 20, "2025-10-30"),  # a Saturday start counts from Monday
        ("2025-01-20", 20, "2025-02-21"),  # across Spring Festival
        ("2025-12-31", 20, "2026-01-29"),  # across the year boundary and New Year
        ("2025-09-27", 1, "2025-09-28"),  # the make-up Sunday is the first working day
        ("2025-09-30", 1, "2025-10-09"),
        ("2025-09-26", 0, "2025-09-26"),
    ],
)
def test_add_workdays(start, n, due):
    assert add_workdays(date.fromisoformat(start), n) == date.fromisoformat(due)


@pytest.mark.parametrize(
    ("a", "b", "count"),
    [
        ("2025-09-26", "2025-10-13", 7),
        ("2025-09-30", "2025-10-08", 0),  # the whole holiday week
        ("2025-12-31", "2026-01-29", 20),
        ("2025-09-26", "2025-09-26", 0),
        ("2025-10-13", "2025-09-26", -7),
    ],
)
def test_workdays_between(a, b, count):
    assert workdays_between(date.fromisoformat(a), date.fromisoformat(b)) == count


def test_add_workdays_refuses_a_negative_count():
    with pytest.raises(ValueError, match="不能为负数"):
        add_workdays(date(2025, 9, 26), -1)
