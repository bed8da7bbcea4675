"""Importing a schedule leaves a trail: who imported which notice, and which one it replaced."""

import pytest
from django.core.management import call_command

from gongkai.calendar.models import HolidaySchedule
from gongkai.core.audit import verify
from gongkai.core.models import AuditEvent
from tests.conftest import make_staff

from .conftest import SCHEDULE_2027

pytestmark = pytest.mark.usefixtures("calendar")


def _import_events():
    return AuditEvent.objects.filter(record_type="calendar.holidayschedule", action="import")


def test_import_is_recorded_with_its_importer(write_schedule, county):
    admin = make_staff(county, "agency_admin", username="calendar_admin", full_name="李四")
    call_command("calendar", "import", str(write_schedule(SCHEDULE_2027)), user="calendar_admin")

    schedule = HolidaySchedule.objects.get(year=2027)
    assert schedule.imported_by == admin
    event = _import_events().get()
    assert event.record_id == str(schedule.pk)
    assert event.actor_id == admin.pk
    assert event.after == {
        "year": 2027,
        "notice": "测试发明电〔2026〕1号",
        "holidays": 12,
        "makeup_workdays": 1,
        "replaced_notice": None,
    }
    # Each day written is itself in the trail.
    assert (
        AuditEvent.objects.filter(
            record_type="calendar.holidayscheduleday", action="create"
        ).count()
        == 13
    )
    assert verify().ok


def test_replacing_names_the_previous_notice(write_schedule):
    call_command("calendar", "import", str(write_schedule(SCHEDULE_2027)))
    call_command(
        "calendar",
        "import",
        str(write_schedule(SCHEDULE_2027.replace("〔2026〕1号", "〔2026〕5号"))),
    )
    latest = _import_events().order_by("-seq").first()
    assert latest.after["notice"] == "测试发明电〔2026〕5号"
    assert latest.after["replaced_notice"] == "测试发明电〔2026〕1号"
    assert latest.actor_label == "命令行（gongkai calendar import）"
    deleted = AuditEvent.objects.filter(record_type="calendar.holidayscheduleday", action="delete")
    assert deleted.count() == 13
