"""`gongkai calendar show YEAR` lists the holidays and make-up days the calendar uses."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from .conftest import SCHEDULE_2027

pytestmark = pytest.mark.usefixtures("calendar")


def _show(year: int) -> list[str]:
    out = StringIO()
    call_command("calendar", "show", str(year), stdout=out)
    return out.getvalue().splitlines()


def test_show_a_built_in_year():
    lines = _show(2025)
    assert lines[0] == "2025年节假日安排（来源：chinesecalendar 内置数据）"
    assert "2025-09-28 周日 调休上班 国庆节" in lines
    assert "2025-10-01 周三 放假 国庆节" in lines
    assert "2025-10-06 周一 放假 中秋" in lines


def test_show_an_imported_year(write_schedule):
    call_command("calendar", "import", str(write_schedule(SCHEDULE_2027)), stdout=StringIO())
    lines = _show(2027)
    assert lines[0] == "2027年节假日安排（来源：导入的节假日安排，文号 测试发明电〔2026〕1号）"
    # 261 weekdays, 6 of them off (1 Jan, 8–12 Feb), plus one make-up Saturday.
    assert lines[1] == "全年工作日 256 天"
    assert "2027-02-20 周六 调休上班 春节" in lines


def test_show_a_provisional_year():
    lines = _show(2027)
    assert lines[0] == "2027年节假日安排（来源：按法定节假日推算（暂定））"
    assert lines[1] == "暂定，按法定节假日推算，2027年节假日安排公布后自动更新"
    assert "2027-02-05 周五 放假 春节" in lines


def test_show_an_unknown_year():
    with pytest.raises(CommandError, match="2003年节假日安排未导入"):
        _show(2003)
