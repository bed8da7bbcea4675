"""A bad schedule file is refused with every problem named in Chinese, and nothing is saved."""

import pytest
from django.core.management import CommandError, call_command

from gongkai.calendar.holidays import ScheduleFileError, read_schedule_file
from gongkai.calendar.models import HolidaySchedule
from gongkai.core.models import AuditEvent

pytestmark = pytest.mark.usefixtures("calendar")

HEADER = "year: 2027\nnotice: 测试发明电〔2026〕1号\n"
SPRING = "holidays:\n  - {name: 春节, from: 2027-02-06, to: 2027-02-14}\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (HEADER + "holidays:\n  - {name: 春节, date: 2027-02-30}\n", "「2027-02-30」不是有效日期"),
        (HEADER + "holidays:\n  - {name: 春节, date: 2027/02/08}\n", "应写作 YYYY-MM-DD"),
        (
            HEADER + "holidays:\n  - {name: 元旦, from: 2026-12-31, to: 2027-01-02}\n",
            "2026-12-31 不在声明的 2027 年内",
        ),
        (
            HEADER + SPRING + "makeup_workdays:\n  - {date: 2027-02-13, name: 春节}\n",
            "2027-02-13 既是放假日又是调休上班日",
        ),
        (
            HEADER + SPRING + "makeup_workdays:\n  - {date: 2027-02-15, name: 春节}\n",
            "调休上班日 2027-02-15 是星期一，不是周末",
        ),
        (
            HEADER + "holidays:\n  - {name: 春节, from: 2027-02-14, to: 2027-02-06}\n",
            "结束日期 2027-02-06 早于开始日期 2027-02-14",
        ),
        (
            HEADER + "holidays:\n  - {name: 春节, from: 2027-02-06, to: 2027-12-06}\n",
            "超过 31 天",
        ),
        (
            HEADER + SPRING + "  - {name: 元宵, date: 2027-02-14}\n",
            "2027-02-14 在放假安排中重复出现",
        ),
        (HEADER + "holidays:\n  - {date: 2027-02-08}\n", "缺少节日名称"),
        (HEADER + f"holidays:\n  - {{name: {'春' * 51}, date: 2027-02-08}}\n", "超过 50 个字"),
        (HEADER + "holidays: []\n", "缺少放假安排"),
        ("year: 2027\n" + SPRING, "缺少通知文号"),
        ("notice: 测试发明电〔2026〕1号\n" + SPRING, "缺少年度"),
        ("year: 二〇二七\nnotice: x\n" + SPRING, "年度「二〇二七」应为四位数字"),
        (HEADER + SPRING + "makeup: []\n", "未知字段「makeup」"),
        (HEADER + "holidays:\n  - {name: 春节, from: 2027-02-06}\n", "同时写 from 和 to"),
        ("year: [2027\n", "不是有效的 YAML"),
        ("- 2027\n", "文件内容应为一个包含"),
    ],
)
def test_bad_file_is_refused(write_schedule, text, message):
    with pytest.raises(ScheduleFileError) as raised:
        read_schedule_file(write_schedule(text))
    assert any(message in problem for problem in raised.value.problems), raised.value.problems


def test_every_problem_is_reported_at_once(write_schedule):
    text = (
        "year: 2027\n"
        "holidays:\n  - {name: 春节, date: 2027-02-30}\n"
        "makeup_workdays:\n  - {date: 2027-02-15}\n"
    )
    with pytest.raises(ScheduleFileError) as raised:
        read_schedule_file(write_schedule(text))
    assert len(raised.value.problems) == 3  # notice, bad date, weekday make-up day


def test_json_files_are_read_too(write_schedule):
    path = write_schedule(
        '{"year": 2027, "notice": "测试发明电〔2026〕1号",'
        ' "holidays": [{"name": "春节", "date": "2027-02-08"}]}',
        name="2027.json",
    )
    assert [day.date.isoformat() for day in read_schedule_file(path).days] == ["2027-02-08"]
    with pytest.raises(ScheduleFileError, match="不是有效的 JSON"):
        read_schedule_file(write_schedule("{year: 2027}", name="bad.json"))


def test_the_command_saves_nothing_from_a_bad_file(write_schedule):
    events_before = AuditEvent.objects.count()
    path = write_schedule(HEADER + "holidays:\n  - {name: 春节, date: 2027-02-30}\n")
    with pytest.raises(CommandError, match="不是有效日期"):
        call_command("calendar", "import", str(path))
    assert not HolidaySchedule.objects.exists()
    assert AuditEvent.objects.count() == events_before


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(CommandError, match="无法读取文件"):
        call_command("calendar", "import", str(tmp_path / "none.yaml"))
