"""`gongkai calendar import FILE` and `gongkai calendar show YEAR`: the holiday schedules."""

from datetime import date
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from gongkai.calendar.holidays import (
    WEEKDAY_NAMES,
    ScheduleFileError,
    import_schedule,
    read_schedule_file,
)
from gongkai.calendar.workdays import (
    CalendarUnknown,
    DayKind,
    is_workday,
    schedule_for,
    workdays_between,
)
from gongkai.core.actor import Actor, acting_as, actor_for_user


class Command(BaseCommand):
    help = "节假日安排：导入国务院办公厅的节假日安排通知，或查看某年的安排"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="verb", required=True)
        load = sub.add_parser(
            "import", help="导入一年的节假日安排文件（YAML 或 JSON），替换该年原有安排"
        )
        load.add_argument("file", help="安排文件路径，格式见 docs/calendar.md")
        load.add_argument("--user", help="记为导入人的用户名（缺省记为命令行）")
        show = sub.add_parser("show", help="查看某年的放假和调休上班日期")
        show.add_argument("year", type=int, help="年度，例如 2027")

    def handle(self, *args, verb, **options):
        if verb == "import":
            self._import(Path(options["file"]), options["user"])
        else:
            self._show(options["year"])

    def _import(self, path: Path, username: str | None) -> None:
        user, actor = None, Actor(None, "命令行（gongkai calendar import）")
        if username:
            user = get_user_model().objects.filter(username=username).first()
            if user is None:
                raise CommandError(f"用户「{username}」不存在")
            actor = actor_for_user(user)
        try:
            parsed = read_schedule_file(path)
        except ScheduleFileError as error:
            raise CommandError(str(error)) from None
        with acting_as(actor):
            schedule = import_schedule(parsed, imported_by=user, source_name=path.name)
        self.stdout.write(
            self.style.SUCCESS(
                f"已导入{schedule}：放假 {parsed.count(DayKind.HOLIDAY)} 天，"
                f"调休上班 {parsed.count(DayKind.MAKEUP_WORKDAY)} 天。"
            )
        )

    def _show(self, year: int) -> None:
        first, last = date(year, 1, 1), date(year, 12, 31)
        try:
            schedule = schedule_for(year)
            total = workdays_between(first, last) + int(is_workday(first))
        except CalendarUnknown as error:
            raise CommandError(f"{error}：请用 gongkai calendar import 导入该年安排") from None
        notice = f"，文号 {schedule.notice}" if schedule.notice else ""
        self.stdout.write(f"{year}年节假日安排（来源：{schedule.source}{notice}）")
        if schedule.provisional:
            self.stdout.write(schedule.provisional_note())
        self.stdout.write(f"全年工作日 {total} 天")
        for day in schedule.days:
            weekday = WEEKDAY_NAMES[day.date.weekday()]
            self.stdout.write(
                f"{day.date.isoformat()} 周{weekday} {DayKind(day.kind).label} {day.name}".rstrip()
            )
