"""The statutory holidays of 《全国年节及纪念日放假办法》 (国务院令第795号), for any year."""

from datetime import date

import chinese_calendar
import pytest

from gongkai.calendar.statutory_holidays import statutory_holidays


def test_2027_from_the_law():
    days = dict(statutory_holidays(2027))
    assert days == {
        date(2027, 1, 1): "元旦",
        # 除夕 Fri 5 Feb to 初三 Mon 8 Feb; Sat 6 and Sun 7 made up on Tue 9 and Wed 10 (Art. 6).
        **{date(2027, 2, day): "春节" for day in range(5, 11)},
        date(2027, 4, 5): "清明节",
        # 1–2 May fall on the weekend: made up on Mon 3 and Tue 4 May.
        **{date(2027, 5, day): "劳动节" for day in range(1, 5)},
        date(2027, 6, 9): "端午节",
        date(2027, 9, 15): "中秋节",
        **{date(2027, 10, day): "国庆节" for day in range(1, 6)},
    }


def test_spring_festival_in_late_january_and_a_new_year_on_saturday():
    days = dict(statutory_holidays(2028))
    # 1 Jan 2028 is a Saturday: made up on Monday 3 January.
    assert days[date(2028, 1, 3)] == "元旦"
    # 除夕 is Tue 25 Jan 2028, 初三 Fri 28 Jan: four weekdays, nothing to make up.
    spring = sorted(day for day, name in days.items() if name == "春节")
    assert spring == [date(2028, 1, day) for day in range(25, 29)]


@pytest.mark.parametrize("year", [2025, 2026])
def test_every_statutory_day_is_off_in_the_published_schedules(year):
    """The State Council's notices for 2025 and 2026 (carried by chinesecalendar) give every
    day the law gives, and more: the lunar and solar-term dates are the real ones."""
    for day, name in statutory_holidays(year):
        assert chinese_calendar.is_holiday(day), (day, name)


def test_years_outside_the_rules_are_refused():
    with pytest.raises(ValueError, match="2024年不在可推算的年份范围"):
        statutory_holidays(2024)
