"""Reading the State Council's holiday notice as published, into a schedule to import.

国务院办公厅关于YYYY年部分节假日安排的通知 lists each holiday in one numbered line of a fixed
pattern, for example:

    一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。

that is: the holiday's name; the days off, from a date to a date (the month may be left out of
the second); then the weekend days worked instead (调休上班). This module turns the text into the
same mapping a schedule file holds, so the pasted notice passes through exactly the checks of
`holidays.parse_schedule`. The weekday the notice prints beside every date is checked too: a
date copied wrongly rarely keeps its weekday.
"""

import re
from datetime import date

from .holidays import WEEKDAY_NAMES, ParsedSchedule, ScheduleFileError, parse_schedule

_TITLE = re.compile(r"国务院办公厅关于(\d{4})年部分节假日安排的通知")
_NOTICE_NUMBER = re.compile(r"国办发明电〔\d{4}〕\d+号")
_NUMERALS = "一二三四五六七八九十"
_ITEM = re.compile(rf"(?:^|[\s。])[{_NUMERALS}]+、([^：:\n]{{1,20}})[：:]")
# 「1月1日（周四）」, 「3日（周六）」 (month as before), 「2018年12月30日（周日）」.
_DAY = re.compile(
    r"(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:（(?:[^）]*、)?周([一二三四五六日天])）)?"
)


def parse_notice_text(text: str, notice: str = "") -> ParsedSchedule:
    """The schedule a pasted notice gives, or ScheduleFileError listing every problem."""
    problems: list[str] = []
    title = _TITLE.search(text)
    if title is None:
        raise ScheduleFileError(
            ["未找到通知标题「国务院办公厅关于YYYY年部分节假日安排的通知」，请连同标题一起粘贴"]
        )
    year = int(title.group(1))
    number = notice.strip() or _first(_NOTICE_NUMBER, text)
    holidays: list[dict] = []
    makeups: list[dict] = []
    items = list(_ITEM.finditer(text))
    if not items:
        problems.append("未找到「一、元旦：……」这样的分项安排")
    for index, item in enumerate(items):
        name = item.group(1).strip()
        end = items[index + 1].start() if index + 1 < len(items) else len(text)
        _read_item(name, text[item.end() : end], year, holidays, makeups, problems)
    if problems:
        raise ScheduleFileError(problems)
    return parse_schedule(
        {
            "year": year,
            "notice": number,
            "title": title.group(0),
            "holidays": holidays,
            "makeup_workdays": makeups,
        }
    )


def _read_item(name, body, year, holidays, makeups, problems) -> None:
    off, _, rest = body.partition("放假")
    if not rest and "放假" not in body:
        problems.append(f"「{name}」一项没有写明放假日期")
        return
    days = _days(off, year, name, problems)
    if len(days) == 1:
        holidays.append({"name": name, "date": days[0].isoformat()})
    elif len(days) == 2:
        holidays.append({"name": name, "from": days[0].isoformat(), "to": days[1].isoformat()})
    else:
        problems.append(f"「{name}」的放假日期应为一天或「某日至某日」，读到 {len(days)} 个日期")
    for sentence in rest.split("。"):
        if "上班" in sentence:
            for day in _days(sentence.partition("上班")[0], year, name, problems):
                makeups.append({"name": name, "date": day.isoformat()})


def _days(text: str, year: int, name: str, problems: list[str]) -> list[date]:
    found: list[date] = []
    month = None
    for match in _DAY.finditer(text):
        explicit_year, month_text, day_text, weekday = match.groups()
        month = int(month_text) if month_text else month
        if month is None:
            problems.append(f"「{name}」中的「{match.group(0)}」没有月份")
            continue
        try:
            day = date(int(explicit_year or year), month, int(day_text))
        except ValueError:
            problems.append(f"「{name}」中的「{match.group(0)}」不是有效日期")
            continue
        if weekday and WEEKDAY_NAMES[day.weekday()] != weekday.replace("天", "日"):
            problems.append(
                f"「{name}」中的「{match.group(0)}」：{day.isoformat()} 是"
                f"周{WEEKDAY_NAMES[day.weekday()]}，通知写作周{weekday}，请核对日期"
            )
        found.append(day)
    return found


def _first(pattern: re.Pattern, text: str) -> str:
    found = pattern.search(text)
    return found.group(0) if found else ""
