"""Open cases follow the calendar: a holiday schedule import moves their deadlines."""

from django.dispatch import receiver

from gongkai.calendar.workdays import schedule_changed

from .services import recompute_open_deadlines


@receiver(schedule_changed, dispatch_uid="applications.recompute_on_schedule_change")
def _recompute(sender, year, schedule, **kwargs):
    recompute_open_deadlines(reason=f"{year}年节假日安排变更（{schedule.notice_number}）")
