"""Holiday schedules that staff import: the file format, its checks, and the import itself.

The file (YAML, or JSON with the same keys; see docs/calendar.md) transcribes one State Council
notice 国务院办公厅关于YYYY年部分节假日安排的通知:

    year: 2022
    notice: 国办发明电〔2021〕11号
    title: 国务院办公厅关于2022年部分节假日安排的通知   # optional
    issued: 2021-10-25                                 # optional
    holidays:
      - {name: 元旦, from: 2022-01-01, to: 2022-01-03}
      - {name: 端午节, date: 2022-06-03}
    makeup_workdays:
      - {date: 2022-01-29, name: 春节}

Every problem in a file is reported at once, in Chinese, and nothing is saved unless all is well.
"""

import json
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import yaml
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from gongkai.core.audit import record_transition

from . import workdays
from .models import HolidaySchedule, HolidayScheduleDay
from .workdays import DayKind, ScheduleDay

FIRST_YEAR, LAST_YEAR = 1990, 2100
# No State Council holiday has come near a month; a longer period is a typing error.
LONGEST_HOLIDAY_DAYS = 31
_KEYS = ("year", "notice", "title", "issued", "holidays", "makeup_workdays")
_HOLIDAY_KEYS = ("name", "date", "from", "to")
_MAKEUP_KEYS = ("date", "name")
WEEKDAY_NAMES = "一二三四五六日"  # 星期一 … 星期日, indexed by date.weekday()


class ScheduleFileError(ValueError):
    """A schedule file that cannot be imported; `problems` lists every reason."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("节假日安排文件有误：\n" + "\n".join(f"- {p}" for p in problems))


@dataclass(frozen=True)
class ParsedSchedule:
    year: int
    notice: str
    title: str
    issued: date | None
    days: tuple[ScheduleDay, ...]  # ascending by date

    def count(self, kind: DayKind) -> int:
        return sum(1 for day in self.days if day.kind == kind)


class _Loader(yaml.SafeLoader):
    """YAML without implicit timestamps, so every date passes through the same checks."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_schedule_file(path: str | Path) -> ParsedSchedule:
    """Read and check a schedule file: JSON when it ends in .json, YAML otherwise."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ScheduleFileError([f"无法读取文件 {path}：{error.strerror or error}"]) from None
    except UnicodeDecodeError:
        raise ScheduleFileError([f"文件 {path} 不是 UTF-8 编码的文本"]) from None
    return parse_schedule_text(text, json_format=path.suffix.lower() == ".json")


def parse_schedule_text(text: str, *, json_format: bool) -> ParsedSchedule:
    """Decode and check a schedule given as text (an upload, say): JSON or YAML."""
    try:
        data = json.loads(text) if json_format else yaml.load(text, _Loader)
    except json.JSONDecodeError as error:
        raise ScheduleFileError([f"不是有效的 JSON：第 {error.lineno} 行 {error.msg}"]) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"第 {mark.line + 1} 行" if mark else ""
        raise ScheduleFileError([f"不是有效的 YAML：{where}格式错误"]) from None
    return parse_schedule(data)


def parse_schedule(data: object) -> ParsedSchedule:
    """Check one decoded schedule file and return its days, or raise ScheduleFileError."""
    if not isinstance(data, dict):
        raise ScheduleFileError(["文件内容应为一个包含 year、notice、holidays 等字段的映射"])
    problems: list[str] = []
    for key in data:
        if key not in _KEYS:
            problems.append(f"未知字段「{key}」（可用字段：{'、'.join(_KEYS)}）")

    year = _year(data.get("year"), problems)
    notice = _text(data.get("notice"))
    if not notice:
        problems.append("缺少通知文号（notice），例如 国办发明电〔2021〕11号")
    issued = None
    if data.get("issued") is not None:
        issued = _date(data["issued"], "发布日期（issued）", problems)

    holidays: dict[date, str] = {}
    entries = data.get("holidays")
    if not isinstance(entries, list) or not entries:
        problems.append("缺少放假安排（holidays），应为至少一项的列表")
        entries = []
    for number, entry in enumerate(entries, start=1):
        for day, name in _holiday_days(entry, f"放假安排第 {number} 项", problems):
            if day in holidays:
                problems.append(f"{day.isoformat()} 在放假安排中重复出现")
            holidays[day] = name

    makeups: dict[date, str] = {}
    entries = data.get("makeup_workdays") or []
    if not isinstance(entries, list):
        problems.append("调休上班日（makeup_workdays）应为列表")
        entries = []
    for number, entry in enumerate(entries, start=1):
        found = _makeup_day(entry, f"调休上班日第 {number} 项", problems)
        if found is None:
            continue
        day, name = found
        if day in makeups:
            problems.append(f"{day.isoformat()} 在调休上班日中重复出现")
        if day in holidays:
            problems.append(f"{day.isoformat()} 既是放假日又是调休上班日")
        makeups[day] = name

    if year is not None:
        for day in sorted({*holidays, *makeups}):
            if day.year != year:
                problems.append(
                    f"{day.isoformat()} 不在声明的 {year} 年内："
                    "通知涉及其他年份的日期，请写入那一年的安排文件"
                )
    _check_lengths(
        notice, _text(data.get("title")), {*holidays.values(), *makeups.values()}, problems
    )
    if problems:
        raise ScheduleFileError(problems)
    days = [ScheduleDay(day, DayKind.HOLIDAY, name) for day, name in holidays.items()]
    days += [ScheduleDay(day, DayKind.MAKEUP_WORKDAY, name) for day, name in makeups.items()]
    return ParsedSchedule(
        year=year,
        notice=notice,
        title=_text(data.get("title")),
        issued=issued,
        days=tuple(sorted(days, key=lambda day: day.date)),
    )


def import_schedule(
    parsed: ParsedSchedule,
    *,
    imported_by: AbstractBaseUser | None = None,
    source_name: str = "",
) -> HolidaySchedule:
    """Replace `parsed.year`'s schedule with `parsed`, atomically and audited.

    Fires `workdays.schedule_changed` inside the same transaction, once the calendar already
    answers with the new days, so dependent deadlines move with the import or not at all.
    """
    try:
        with transaction.atomic():
            schedule = HolidaySchedule.objects.select_for_update().filter(year=parsed.year).first()
            replaced = schedule.notice_number if schedule else None
            if schedule is None:
                schedule = HolidaySchedule(year=parsed.year)
            else:
                schedule.days.all().delete()
            schedule.notice_number = parsed.notice
            schedule.notice_title = parsed.title
            schedule.issued_on = parsed.issued
            schedule.source_name = source_name[:255]
            schedule.imported_by = imported_by
            schedule.imported_at = timezone.now()
            schedule.save()
            for day in parsed.days:
                HolidayScheduleDay.objects.create(
                    schedule=schedule, date=day.date, kind=day.kind, name=day.name
                )
            record_transition(
                schedule,
                "import",
                year=parsed.year,
                notice=parsed.notice,
                holidays=parsed.count(DayKind.HOLIDAY),
                makeup_workdays=parsed.count(DayKind.MAKEUP_WORKDAY),
                replaced_notice=replaced,
            )
            workdays.invalidate()
            workdays.schedule_changed.send(
                sender=HolidaySchedule, year=parsed.year, schedule=schedule
            )
    except BaseException:
        # Tables built from rows that were just rolled back must not outlive them.
        workdays.invalidate()
        raise
    return schedule


def _holiday_days(entry: object, where: str, problems: list[str]) -> list[tuple[date, str]]:
    if not isinstance(entry, dict):
        problems.append(f"{where}应为包含 name 和 date（或 from、to）的映射")
        return []
    _unknown_keys(entry, _HOLIDAY_KEYS, where, problems)
    name = _text(entry.get("name"))
    if not name:
        problems.append(f"{where}缺少节日名称（name）")
    if "date" in entry:
        if "from" in entry or "to" in entry:
            problems.append(f"{where}只能写 date，或同时写 from 和 to，不能混用")
            return []
        day = _date(entry["date"], f"{where}的日期", problems)
        return [] if day is None else [(day, name)]
    if "from" not in entry or "to" not in entry:
        problems.append(f"{where}缺少日期：写 date，或同时写 from 和 to")
        return []
    first = _date(entry["from"], f"{where}的开始日期（from）", problems)
    last = _date(entry["to"], f"{where}的结束日期（to）", problems)
    if first is None or last is None:
        return []
    if last < first:
        problems.append(f"{where}的结束日期 {last.isoformat()} 早于开始日期 {first.isoformat()}")
        return []
    length = (last - first).days + 1
    if length > LONGEST_HOLIDAY_DAYS:
        problems.append(f"{where}长达 {length} 天，超过 {LONGEST_HOLIDAY_DAYS} 天，请核对日期")
        return []
    return [(first + timedelta(days=offset), name) for offset in range(length)]


def _makeup_day(entry: object, where: str, problems: list[str]) -> tuple[date, str] | None:
    if not isinstance(entry, dict):
        problems.append(f"{where}应为包含 date 和 name 的映射")
        return None
    _unknown_keys(entry, _MAKEUP_KEYS, where, problems)
    if "date" not in entry:
        problems.append(f"{where}缺少日期（date）")
        return None
    day = _date(entry["date"], f"{where}的日期", problems)
    if day is None:
        return None
    if day.weekday() < 5:
        problems.append(
            f"调休上班日 {day.isoformat()} 是星期{WEEKDAY_NAMES[day.weekday()]}，不是周末："
            "周一至周五本来就上班，只有周六、周日才能调休上班"
        )
        return None
    return day, _text(entry.get("name"))


def _check_lengths(notice: str, title: str, names: set[str], problems: list[str]) -> None:
    limits = (
        (
            "通知文号（notice）",
            [notice],
            HolidaySchedule._meta.get_field("notice_number").max_length,
        ),
        ("通知标题（title）", [title], HolidaySchedule._meta.get_field("notice_title").max_length),
        ("节日名称（name）", sorted(names), HolidayScheduleDay._meta.get_field("name").max_length),
    )
    for what, values, limit in limits:
        for value in values:
            if len(value) > limit:
                problems.append(f"{what}「{value[:20]}…」超过 {limit} 个字")


def _unknown_keys(entry: dict, known: tuple[str, ...], where: str, problems: list[str]) -> None:
    for key in entry:
        if key not in known:
            problems.append(f"{where}有未知字段「{key}」（可用字段：{'、'.join(known)}）")


def _year(value: object, problems: list[str]) -> int | None:
    if value is None:
        problems.append("缺少年度（year）")
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        problems.append(f"年度「{value}」应为四位数字，例如 2027")
        return None
    if not FIRST_YEAR <= value <= LAST_YEAR:
        problems.append(f"年度 {value} 不在 {FIRST_YEAR}—{LAST_YEAR} 年之间")
        return None
    return value


def _date(value: object, what: str, problems: list[str]) -> date | None:
    text = str(value).strip() if isinstance(value, str | int) else None
    try:
        # fromisoformat also takes 20270101; the format promised is YYYY-MM-DD only.
        if text is None or len(text) != 10:
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        problems.append(f"{what}「{value}」不是有效日期，应写作 YYYY-MM-DD，例如 2027-01-01")
        return None


def _text(value: object) -> str:
    return str(value).strip() if value is not None else ""
