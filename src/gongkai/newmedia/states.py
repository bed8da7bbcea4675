"""Whether each account is kept up, computed by the database for a whole list in one query."""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Case, Q, Value, When
from django.utils.translation import gettext_lazy as _

from .rules import stale_before, warn_before


class AccountState(models.TextChoices):
    CURRENT = "current", _("正常更新")
    DUE_SOON = "due_soon", _("即将超过2周未更新")
    STALE = "stale", _("超过2周未更新")
    UNKNOWN = "unknown", _("未登记最近发布日期")


PROBLEM_STATES = (AccountState.DUE_SOON, AccountState.STALE, AccountState.UNKNOWN)


def with_state(accounts: models.QuerySet, today: date) -> models.QuerySet:
    warn = warn_before(today, settings.GONGKAI_NEWMEDIA_WARN_DAYS)
    return accounts.annotate(
        state=Case(
            When(last_post_on__isnull=True, then=Value(AccountState.UNKNOWN.value)),
            When(Q(last_post_on__lt=stale_before(today)), then=Value(AccountState.STALE.value)),
            When(Q(last_post_on__lt=warn), then=Value(AccountState.DUE_SOON.value)),
            default=Value(AccountState.CURRENT.value),
            output_field=models.CharField(),
        )
    )
