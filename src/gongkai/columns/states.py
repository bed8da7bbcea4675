"""Whether a column is kept up, computed by the database for a whole list in one query.

"Last updated" is the newest first publication of a public catalog item fed to the column. A
column is stale once its cycle has passed since then (counted in days, the day of publication
being day 0), due soon within GONGKAI_COLUMN_WARN_DAYS days before that, and empty when nothing
was ever published: a problem unless it carries a 情况说明 (国办秘函〔2019〕19号: five empty
columns fail the site).
"""

from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Case, DateTimeField, ExpressionWrapper, F, OuterRef, Q, Subquery, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.catalog.models import InfoItem


class ColumnState(models.TextChoices):
    CURRENT = "current", _("正常更新")
    DUE_SOON = "due_soon", _("即将超期")
    STALE = "stale", _("已超期未更新")
    EMPTY = "empty", _("空白栏目")
    EXPLAINED = "explained", _("暂无信息（已作情况说明）")


# The states the workbench warns about.
PROBLEM_STATES = (ColumnState.DUE_SOON, ColumnState.STALE, ColumnState.EMPTY)


def _midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _last_published():
    fed = Q(published_version__topic__columns=OuterRef("pk"))
    fed |= Q(published_version__topic__parent__columns=OuterRef("pk"))
    fed |= Q(published_version__genre__columns=OuterRef("pk"))
    newest = (
        InfoItem.objects.public()
        .filter(fed, agency=OuterRef("agency"), first_published_at__isnull=False)
        .order_by("-first_published_at")
        .values("first_published_at")[:1]
    )
    return Subquery(newest, output_field=DateTimeField())


def with_state(columns: models.QuerySet, today: date) -> models.QuerySet:
    """The columns annotated with `last_published`, `stale_at` (when the cycle runs out) and
    `state` (a ColumnState value)."""
    warn = timedelta(days=settings.GONGKAI_COLUMN_WARN_DAYS + 1)
    return columns.annotate(
        last_published=_last_published(),
        stale_at=ExpressionWrapper(
            F("last_published") + F("update_cycle"), output_field=DateTimeField()
        ),
        state=Case(
            When(
                last_published__isnull=True,
                explanation="",
                then=models.Value(ColumnState.EMPTY.value),
            ),
            When(last_published__isnull=True, then=models.Value(ColumnState.EXPLAINED.value)),
            When(stale_at__lt=_midnight(today), then=models.Value(ColumnState.STALE.value)),
            When(
                stale_at__lt=_midnight(today + warn), then=models.Value(ColumnState.DUE_SOON.value)
            ),
            default=models.Value(ColumnState.CURRENT.value),
            output_field=models.CharField(),
        ),
    )
