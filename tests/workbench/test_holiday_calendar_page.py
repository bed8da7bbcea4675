"""A 系统管理员 imports next year's holiday schedule on the workbench; nobody else can."""

from datetime import date
from pathlib import Path

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.calendar import workdays
from gongkai.calendar.workdays import is_workday
from gongkai.core.models import AuditEvent
from tests.conftest import login, make_staff

# 2030-02-02 is a Saturday, 2030-02-04 a Monday.
SCHEDULE = """\
year: 2030
notice: 国办发明电〔2029〕9号
holidays:
  - {name: 春节, from: 2030-02-04, to: 2030-02-08}
makeup_workdays:
  - {date: 2030-02-02, name: 春节}
"""


@pytest.fixture(autouse=True)
def _fresh_calendar():
    workdays.invalidate()
    yield
    workdays.invalidate()


def _upload(client, text: str, name: str = "2030.yaml"):
    upload = SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/yaml")
    return client.post(reverse("workbench:calendar"), {"schedule": upload}, follow=True)


def test_system_admin_imports_a_year(county):
    admin = make_staff(county, "system_admin")
    assert workdays.schedule_for(2030).provisional
    assert not is_workday(date(2030, 2, 2))  # provisional: no weekend is worked
    page = _upload(login(admin), SCHEDULE).content.decode()
    assert "已导入" in page and "放假 5 天" in page and "调休上班 1 天" in page
    assert not is_workday(date(2030, 2, 4))
    assert is_workday(date(2030, 2, 2))
    assert not workdays.schedule_for(2030).provisional
    event = AuditEvent.objects.filter(record_type="calendar.holidayschedule", action="import").get()
    assert event.actor_id == admin.pk and event.after["notice"] == "国办发明电〔2029〕9号"


def test_a_bad_file_is_refused_and_nothing_changes(county):
    admin = make_staff(county, "system_admin")
    bad = SCHEDULE.replace("2030-02-02", "2030-02-05")  # a Tuesday cannot be a make-up day
    page = _upload(login(admin), bad).content.decode()
    assert "已导入" not in page and "调休" in page
    assert workdays.schedule_for(2030).provisional
    assert not AuditEvent.objects.filter(record_type="calendar.holidayschedule").exists()


def test_staff_of_an_agency_cannot_import(agency_a):
    for role in ("clerk", "agency_admin", "supervisor", "leader"):
        client = login(make_staff(agency_a, role))
        assert client.get(reverse("workbench:calendar")).status_code == 403
        assert _upload(client, SCHEDULE).status_code == 403
    assert workdays.schedule_for(2030).provisional


def test_a_provisional_year_is_shown_as_such(county):
    admin = make_staff(county, "system_admin")
    with time_machine.travel("2026-11-16 10:00 +0800", tick=False):
        page = login(admin).get(reverse("workbench:calendar"), {"year": 2027}).content.decode()
    assert "按法定节假日推算（暂定）" in page
    assert "暂定，按法定节假日推算，2027年节假日安排公布后自动更新" in page
    assert "下一年度的节假日安排尚未导入" in page
    assert "2月5日 放假 春节" in page


def test_system_admin_pastes_the_notice_checks_the_calendar_and_imports(county):
    admin = login(make_staff(county, "system_admin"))
    text = (Path(__file__).parents[1] / "calendar" / "notices" / "2026.txt").read_text("utf-8")
    text = text.replace("2026", "2030").replace("2025", "2029")  # no schedule to clash with
    url = reverse("workbench:calendar_notice")
    # A 2030 notice with the 2026 weekdays: every date's weekday is checked.
    refused = admin.post(url, {"text": text}).content.decode()
    assert "请核对日期" in refused and "确认导入" not in refused
    good = (Path(__file__).parents[1] / "calendar" / "notices" / "2026.txt").read_text("utf-8")
    # 2026 is built in; importing its own notice over it must change nothing but the source.
    preview = admin.post(url, {"text": good}).content.decode()
    assert "请核对：2026年（国办发明电〔2025〕7号）" in preview
    assert "共放假 33 天，调休上班 6 天" in preview and "确认导入2026年安排" in preview
    assert workdays.schedule_for(2026).source != workdays.IMPORTED_SOURCE  # not yet
    done = admin.post(url, {"text": good, "confirmed": "True"}, follow=True).content.decode()
    assert "已导入" in done
    assert workdays.schedule_for(2026).notice == "国办发明电〔2025〕7号"
    assert not is_workday(date(2026, 2, 16)) and is_workday(date(2026, 2, 14))
