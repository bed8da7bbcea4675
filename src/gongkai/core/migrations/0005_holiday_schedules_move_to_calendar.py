# The holiday schedules moved to the calendar app; their tables stay where they are.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0004_audit_correlation_id"),
        ("calendar", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name="holidayscheduleday",
                    name="schedule",
                ),
                migrations.DeleteModel(
                    name="HolidaySchedule",
                ),
                migrations.DeleteModel(
                    name="HolidayScheduleDay",
                ),
            ]
        )
    ]
