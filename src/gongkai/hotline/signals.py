"""A new agency gets the default work-order categories in the same transaction that creates it;
a holiday schedule import moves the deadlines of open work orders."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from gongkai.agencies.models import Agency
from gongkai.calendar.workdays import schedule_changed

from .categories import ensure_default_categories
from .services import recompute_open_deadlines


@receiver(post_save, sender=Agency, dispatch_uid="hotline.default_categories")
def _seed_categories(sender, instance: Agency, created: bool, raw: bool = False, **kwargs) -> None:
    if created and not raw:
        ensure_default_categories(instance)


@receiver(schedule_changed, dispatch_uid="hotline.recompute_on_schedule_change")
def _recompute(sender, year, schedule, **kwargs) -> None:
    recompute_open_deadlines(reason=f"{year}年节假日安排变更（{schedule.notice_number}）")
