"""What the inspection and the supervising office read from the messages: those past their
limit, the veto rule, and the counters per agency, channel and period; and per agency, the
意见征集 put out, the comments on them and the results published.

国办秘函〔2019〕19号 (website inspection, 单项否决): a site fails when any valid 政务咨询 in the
past year stayed unanswered for more than three months. Held (not yet judged) and refused
(not valid) messages do not count; an answered one counts from its reply on.
"""

from calendar import monthrange
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, F, Q, QuerySet, Sum
from django.db.models.functions import ExtractMonth

from gongkai.agencies.models import Agency

from .consultation_models import (
    COUNTED_COMMENT_STATUSES,
    ConsultationComment,
    ConsultationStatus,
)
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


@dataclass
class ConsultationCounters:
    """意见征集 of one agency in a period: 期数, 意见数, 结果公布期数."""

    consultations: int = 0  # put out for comment, opening in the period
    comments: int = 0  # received on them: waiting for review or found valid
    results_published: int = 0  # whose 采纳情况 has been published

    def as_dict(self) -> dict:
        return {
            "consultations": self.consultations,
            "comments": self.comments,
            "results_published": self.results_published,
        }


def consultation_statistics(consultations: QuerySet, start: date, end: date) -> dict:
    """Counters per agency for the consultations opening from `start` to `end`, in two grouped
    queries (the consultations, and their comments)."""
    period = consultations.published().filter(opens_on__gte=start, opens_on__lte=end)
    counters: dict = defaultdict(ConsultationCounters)
    for row in period.values("agency").annotate(
        n=Count("id"), done=Count("id", filter=Q(status=ConsultationStatus.CONCLUDED))
    ):
        counters[row["agency"]].consultations = row["n"]
        counters[row["agency"]].results_published = row["done"]
    for row in (
        ConsultationComment.objects.filter(
            consultation__in=period, status__in=COUNTED_COMMENT_STATUSES
        )
        .values("consultation__agency")
        .annotate(n=Count("id"))
        .order_by()
    ):
        counters[row["consultation__agency"]].comments = row["n"]
    agencies = Agency.objects.in_bulk(counters)
    return dict(
        sorted(
            ((agencies[pk], row) for pk, row in counters.items()),
            key=lambda item: item[0].path,
        )
    )


@dataclass(frozen=True)
class Month:
    month: int
    received: int
    answered: int
    on_time: int


def monthly(messages: QuerySet, year: int) -> list[Month]:
    """Received, answered and answered on time by month of receipt, for the twelve months of
    `year` (a month without messages counts zero), in one grouped query."""
    answered = Q(status__in=ANSWERED_STATUSES, replied_on__isnull=False)
    on_time = answered & (Q(due_on__isnull=True) | Q(replied_on__lte=F("due_on")))
    grouped = {
        row["month"]: row
        for row in messages.filter(received_on__year=year)
        .exclude(status=MessageStatus.HELD)
        .annotate(month=ExtractMonth("received_on"))
        .values("month")
        .annotate(
            received=Count("id"),
            answered=Count("id", filter=answered),
            on_time=Count("id", filter=on_time),
        )
        .order_by()
    }
    empty = {"received": 0, "answered": 0, "on_time": 0}
    return [
        Month(
            month,
            grouped.get(month, empty)["received"],
            grouped.get(month, empty)["answered"],
            grouped.get(month, empty)["on_time"],
        )
        for month in range(1, 13)
    ]


def by_agency(counters: dict) -> dict:
    """The per-channel counters of `statistics` added up per agency."""
    totals: dict = {}
    for (agency, _kind), row in counters.items():
        total = totals.setdefault(agency, Counters())
        total.received += row.received
        total.answered += row.answered
        total.on_time += row.on_time
        total.published += row.published
        total.reply_workdays += row.reply_workdays
    return totals
