"""The holiday schedules (节假日安排) staff import from the State Council's notices."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import AuditedModel

from .schedules import IMPORTED_SOURCE, DayKind, ScheduleDay, YearSchedule


class HolidaySchedule(AuditedModel):
    """One year's holiday schedule (节假日安排) from the State Council's notice, imported by staff.

    It replaces the chinesecalendar package's days for that year. Its days are written only by
    `gongkai.calendar.holidays.import_schedule`, which keeps the calendar cache in step.
    """

    year = models.PositiveSmallIntegerField(_("年度"), unique=True)
    notice_number = models.CharField(_("通知文号"), max_length=100)
    notice_title = models.CharField(_("通知标题"), max_length=200, blank=True)
    issued_on = models.DateField(_("发布日期"), null=True, blank=True)
    source_name = models.CharField(_("导入文件"), max_length=255, blank=True)
    imported_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("导入人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    imported_at = models.DateTimeField(_("导入时间"))

    class Meta:
        db_table = "core_holidayschedule"  # created while the calendar was part of core
        ordering = ["-year"]
        verbose_name = _("节假日安排")
        verbose_name_plural = _("节假日安排")

    def __str__(self) -> str:
        return f"{self.year}年节假日安排（{self.notice_number}）"

    def as_year_schedule(self) -> YearSchedule:
        days = tuple(
            ScheduleDay(day.date, DayKind(day.kind), day.name)
            for day in sorted(self.days.all(), key=lambda day: day.date)
        )
        return YearSchedule(self.year, days, IMPORTED_SOURCE, self.notice_number)


class HolidayScheduleDay(AuditedModel):
    schedule = models.ForeignKey(
        HolidaySchedule, verbose_name=_("节假日安排"), on_delete=models.CASCADE, related_name="days"
    )
    date = models.DateField(_("日期"), unique=True)
    kind = models.CharField(_("类型"), max_length=20, choices=DayKind.choices)
    name = models.CharField(_("节日"), max_length=50, blank=True)

    class Meta:
        db_table = "core_holidayscheduleday"
        ordering = ["date"]
        verbose_name = _("节假日安排日期")
        verbose_name_plural = _("节假日安排日期")

    def __str__(self) -> str:
        return f"{self.date.isoformat()} {self.get_kind_display()} {self.name}".rstrip()
