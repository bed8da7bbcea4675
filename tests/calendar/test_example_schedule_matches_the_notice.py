"""The example schedule file imports, and says what the 2022 notice says (as the package has it)."""

from datetime import date, timedelta
from pathlib import Path

import chinese_calendar
import pytest

import gongkai.calendar
from gongkai.calendar.holidays import import_schedule, read_schedule_file
from gongkai.calendar.workdays import IMPORTED_SOURCE, is_workday, schedule_for

pytestmark = pytest.mark.usefixtures("calendar")

EXAMPLE = Path(gongkai.calendar.__file__).parent / "data" / "holidays-2022.yaml"


def test_example_file_gives_the_same_working_days_as_the_package():
    parsed = read_schedule_file(EXAMPLE)
    assert parsed.notice == "国办发明电〔2021〕11号"
    import_schedule(parsed, source_name=EXAMPLE.name)
    assert schedule_for(2022).source == IMPORTED_SOURCE

    day = date(2022, 1, 1)
    while day.year == 2022:
        assert is_workday(day) == chinese_calendar.is_workday(day), day
        day += timedelta(days=1)
