# The holiday schedules, moved here from core: the state only, the tables already exist
# (core 0003, named core_holidayschedule and core_holidayscheduleday).

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("core", "0004_audit_correlation_id"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="HolidaySchedule",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "year",
                            models.PositiveSmallIntegerField(unique=True, verbose_name="年度"),
                        ),
                        (
                            "notice_number",
                            models.CharField(max_length=100, verbose_name="通知文号"),
                        ),
                        (
                            "notice_title",
                            models.CharField(blank=True, max_length=200, verbose_name="通知标题"),
                        ),
                        (
                            "issued_on",
                            models.DateField(blank=True, null=True, verbose_name="发布日期"),
                        ),
                        (
                            "source_name",
                            models.CharField(blank=True, max_length=255, verbose_name="导入文件"),
                        ),
                        ("imported_at", models.DateTimeField(verbose_name="导入时间")),
                        (
                            "imported_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="导入人",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "节假日安排",
                        "verbose_name_plural": "节假日安排",
                        "db_table": "core_holidayschedule",
                        "ordering": ["-year"],
                    },
                ),
                migrations.CreateModel(
                    name="HolidayScheduleDay",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("date", models.DateField(unique=True, verbose_name="日期")),
                        (
                            "kind",
                            models.CharField(
                                choices=[("holiday", "放假"), ("makeup_workday", "调休上班")],
                                max_length=20,
                                verbose_name="类型",
                            ),
                        ),
                        ("name", models.CharField(blank=True, max_length=50, verbose_name="节日")),
                        (
                            "schedule",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="days",
                                to="calendar.holidayschedule",
                                verbose_name="节假日安排",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "节假日安排日期",
                        "verbose_name_plural": "节假日安排日期",
                        "db_table": "core_holidayscheduleday",
                        "ordering": ["date"],
                    },
                ),
            ]
        )
    ]
