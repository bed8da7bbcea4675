"""The statutory holidays of a year, from the law alone, for a year whose notice is not out yet.

《全国年节及纪念日放假办法》 as amended by 国务院令第795号 (in force from 1 January 2025) fixes the
holidays every citizen has (Art. 2); the State Council's yearly notice only adds the 调休 swaps
that join them to weekends. Until that notice is imported, the calendar counts on these days and
marks every answer that depends on them as provisional (暂定).

Pure: a year in, the named holiday days out. Lunar dates come from `lunardate`, 清明 (a solar
term) from `chinese_calendar`.
"""

from datetime import date, timedelta

import chinese_calendar
from lunardate import LunarDate

# The amended rules apply from this year on (国务院令第795号); earlier years had fewer days.
FIRST_YEAR = 2025
LAST_YEAR = 2099  # the last year lunardate converts

_ONE_DAY = timedelta(days=1)


def statutory_holidays(year: int) -> list[tuple[date, str]]:
    """Every holiday day of `year` with its festival's name, ascending.

    Art. 2: 元旦 1 January; 春节 除夕 to 正月初三 (4 days); 清明 the day of the solar term;
    劳动节 1–2 May; 端午 五月初五; 中秋 八月十五; 国庆 1–3 October. Art. 6: a day that falls on a
    Saturday or Sunday is made up (补假) on the next working day.
    """
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"{year}年不在可推算的年份范围（{FIRST_YEAR}—{LAST_YEAR}）内")
    spring = LunarDate(year, 1, 1).to_solar_date()
    festivals = [
        ("元旦", [date(year, 1, 1)]),
        ("春节", [spring - _ONE_DAY + i * _ONE_DAY for i in range(4)]),
        ("清明节", [_qingming(year)]),
        ("劳动节", [date(year, 5, 1), date(year, 5, 2)]),
        ("端午节", [LunarDate(year, 5, 5).to_solar_date()]),
        ("中秋节", [LunarDate(year, 8, 15).to_solar_date()]),
        ("国庆节", [date(year, 10, day) for day in (1, 2, 3)]),
    ]
    taken: dict[date, str] = {}
    for name, days in festivals:
        for day in days:
            taken.setdefault(day, name)
    # 补假 after the festivals are all placed, so a make-up day never lands on another holiday.
    for name, days in festivals:
        for day in days:
            if day.weekday() >= 5:
                substitute = _next_free_weekday(day, taken)
                if substitute.year == year:
                    taken[substitute] = name
    return sorted(taken.items())


def _qingming(year: int) -> date:
    terms = chinese_calendar.get_solar_terms(date(year, 4, 1), date(year, 4, 30))
    return next(day for day, name in terms if name == "清明")


def _next_free_weekday(day: date, taken: dict[date, str]) -> date:
    day += _ONE_DAY
    while day.weekday() >= 5 or day in taken:
        day += _ONE_DAY
    return day
