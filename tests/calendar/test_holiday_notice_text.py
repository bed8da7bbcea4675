"""The State Council's notice, pasted as published, becomes the schedule it announces; the real
2025 and 2026 notices give exactly the days chinesecalendar carries for those years."""

from pathlib import Path

import pytest

from gongkai.calendar.holiday_notice import parse_notice_text
from gongkai.calendar.holidays import ScheduleFileError
from gongkai.calendar.workdays import DayKind, schedule_for

NOTICES = Path(__file__).parent / "notices"


def _text(year: int) -> str:
    return (NOTICES / f"{year}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("year", [2025, 2026])
def test_the_published_notices_give_the_known_days(year, calendar):
    parsed = parse_notice_text(_text(year))
    known = schedule_for(year)
    assert parsed.year == year
    assert {(d.date, d.kind) for d in parsed.days} == {(d.date, d.kind) for d in known.days}
    assert parsed.title == f"国务院办公厅关于{year}年部分节假日安排的通知"


def test_names_numbers_and_a_two_festival_line():
    parsed = parse_notice_text(_text(2025))
    assert parsed.notice == "国办发明电〔2024〕12号"
    by_date = {d.date.isoformat(): d for d in parsed.days}
    assert by_date["2025-10-06"].name == "国庆节、中秋节"
    assert by_date["2025-01-26"].kind == DayKind.MAKEUP_WORKDAY
    # 1 + 8 + 3 + 5 + 3 + 8 days off; 1月26日, 2月8日, 4月27日, 9月28日, 10月11日 worked.
    assert parsed.count(DayKind.HOLIDAY) == 28 and parsed.count(DayKind.MAKEUP_WORKDAY) == 5


def test_a_date_whose_weekday_does_not_match_is_refused():
    wrong = _text(2026).replace("1月4日（周日）上班", "1月5日（周日）上班")
    with pytest.raises(ScheduleFileError) as refused:
        parse_notice_text(wrong)
    assert any("2026-01-05 是周一，通知写作周日" in p for p in refused.value.problems)


def test_the_title_and_the_number_are_needed():
    with pytest.raises(ScheduleFileError, match="未找到通知标题"):
        parse_notice_text("一、元旦：1月1日（周四）放假1天。")
    without_number = _text(2026).replace("国办发明电〔2025〕7号", "")
    with pytest.raises(ScheduleFileError, match="缺少通知文号"):
        parse_notice_text(without_number)
    assert parse_notice_text(without_number, "国办发明电〔2025〕7号").year == 2026
