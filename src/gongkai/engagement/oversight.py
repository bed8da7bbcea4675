"""What the inspection and the supervising office read from the messages: those past their
limit, the veto rule, and the counters per agency, channel and period.

国办秘函〔2019〕19号 (website inspection, 单项否决): a site fails when any valid 政务咨询 in the
past year stayed unanswered for more than three months. Held (not yet judged) and refused
(not valid) messages do not count; an answered one counts from its reply on.
"""

from calendar import monthrange
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, F, Q, QuerySet, Sum

from gongkai.agencies.models import Agency

from .models import ANSWERED_STATUSES, Channel, ChannelKind, Message, MessageStatus

VETO_MONTHS = 3
# Waiting to be taken up, handled or checked: valid, and not answered yet.
UNANSWERED_VALID = (MessageStatus.RECEIVED, MessageStatus.ACCEPTED, MessageStatus.CHECKING)


def months_before(day: date, months: int) -> date:
    """The same day `months` calendar months earlier (the month's last day when it is shorter)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    return date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))


def overdue(messages: QuerySet, today: date) -> list[Message]:
    return list(messages.overdue(today).select_related("agency", "channel").order_by("due_on"))


def veto(messages: QuerySet, today: date) -> dict:
    """Per agency, the valid questions unanswered for more than three months."""
    limit = months_before(today, VETO_MONTHS)
    found = (
        messages.filter(
            channel__kind=ChannelKind.QUESTION,
            status__in=UNANSWERED_VALID,
            received_on__lt=limit,
        )
        .select_related("agency", "channel")
        .order_by("agency__path", "received_on")
    )
    by_agency: dict = defaultdict(list)
    for message in found:
        by_agency[message.agency].append(message)
    return dict(by_agency)


@dataclass
class Counters:
    received: int = 0
    answered: int = 0
    on_time: int = 0
    published: int = 0
    reply_workdays: int = 0  # summed, for the average

    @property
    def average_workdays(self) -> float | None:
        return round(self.reply_workdays / self.answered, 1) if self.answered else None

    def as_dict(self) -> dict:
        return {
            "received": self.received,
            "answered": self.answered,
            "on_time": self.on_time,
            "average_workdays_to_reply": self.average_workdays,
            "published": self.published,
        }


def statistics(messages: QuerySet, start: date, end: date) -> dict:
    """Counters per (agency, channel kind) for messages received from `start` to `end`, counted
    by the database in one grouped query (a county's year is some 100,000 messages)."""
    answered = Q(status__in=ANSWERED_STATUSES, replied_on__isnull=False)
    grouped = (
        messages.filter(received_on__gte=start, received_on__lte=end)
        .exclude(status=MessageStatus.HELD)
        .values("agency", "channel")
        .annotate(
            received=Count("id"),
            answered=Count("id", filter=answered),
            on_time=Count(
                "id", filter=answered & (Q(due_on__isnull=True) | Q(replied_on__lte=F("due_on")))
            ),
            published=Count("id", filter=answered & Q(publish_consent=True, publish_reply=True)),
            reply_workdays=Sum("reply_workdays", filter=answered, default=0),
        )
        .order_by()
    )
    rows = list(grouped)
    agencies = Agency.objects.in_bulk({row["agency"] for row in rows})
    # Grouped by the channel's id, not its kind: one join fewer over every message.
    kinds = dict(
        Channel.objects.filter(pk__in={row["channel"] for row in rows}).values_list("pk", "kind")
    )
    counters = {
        (agencies[row["agency"]], kinds[row["channel"]]): Counters(
            received=row["received"],
            answered=row["answered"],
            on_time=row["on_time"],
            published=row["published"],
            reply_workdays=row["reply_workdays"],
        )
        for row in rows
    }
    return dict(sorted(counters.items(), key=lambda item: (item[0][0].path, item[0][1])))
