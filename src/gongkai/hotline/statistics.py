"""The hotline's figures for the annual report and the assessment, per agency and unit and
period, each counted by the database in one grouped query (a county's year is a million calls).

Calls: calls, answered and the connection rate, answered within 15 seconds (GB/T 33358-2016,
over all calls), transfers and their success rate, the average handling (talk) time, the callers'
satisfaction (满意 and 基本满意 over the calls rated). Work orders: received, answered, answered
on time (by the deadline of the category, any extension included), returned, merged, and the
satisfaction the platform's callbacks recorded (over those who were reached).
"""

from calendar import monthrange
from dataclasses import asdict, dataclass, fields
from datetime import date, datetime, time, timedelta

from django.db.models import Count, F, Q, QuerySet, Sum
from django.utils import timezone

from gongkai.agencies.models import Agency, InternalUnit
from gongkai.web.params import integer

from .models import (
    ANSWER_WITHIN_SECONDS,
    ANSWERED_STATUSES,
    CallSatisfaction,
    OrderStatus,
    Satisfaction,
)


def period_of(params, today: date) -> tuple[date, date, int, int | None]:
    """The year and, optionally, the month of `?year=&month=`: this year by default."""
    year = integer(params.get("year"), minimum=2000, maximum=today.year + 1, default=today.year)
    month = integer(params.get("month"), minimum=1, maximum=12, default=None)
    if month:
        return date(year, month, 1), date(year, month, monthrange(year, month)[1]), year, month
    return date(year, 1, 1), date(year, 12, 31), year, None


def _rate(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 2) if whole else None


@dataclass
class CallCounters:
    calls: int = 0
    answered: int = 0
    within_15s: int = 0
    transfers: int = 0
    transfers_succeeded: int = 0
    talk_seconds: int = 0
    talked: int = 0
    rated: int = 0
    satisfied: int = 0

    def __add__(self, other: "CallCounters") -> "CallCounters":
        return CallCounters(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    def as_dict(self) -> dict:
        return asdict(self) | {
            "connection_rate": _rate(self.answered, self.calls),
            "within_15s_rate": _rate(self.within_15s, self.calls),
            "transfer_success_rate": _rate(self.transfers_succeeded, self.transfers),
            "average_handling_seconds": (
                round(self.talk_seconds / self.talked) if self.talked else None
            ),
            "satisfaction_rate": _rate(self.satisfied, self.rated),
        }


@dataclass
class OrderCounters:
    received: int = 0
    answered: int = 0
    on_time: int = 0
    returned: int = 0
    merged: int = 0
    rated: int = 0
    satisfied: int = 0

    def __add__(self, other: "OrderCounters") -> "OrderCounters":
        return OrderCounters(
            *(getattr(self, f.name) + getattr(other, f.name) for f in fields(self))
        )

    def as_dict(self) -> dict:
        return asdict(self) | {
            "on_time_rate": _rate(self.on_time, self.answered),
            "satisfaction_rate": _rate(self.satisfied, self.rated),
        }


def _bounds(start: date, end: date) -> tuple[datetime, datetime]:
    zone = timezone.get_current_timezone()
    return (
        datetime.combine(start, time.min, tzinfo=zone),
        datetime.combine(end + timedelta(days=1), time.min, tzinfo=zone),
    )


def call_statistics(calls: QuerySet, start: date, end: date) -> dict:
    """Counters per (agency, unit or None) for calls that rang from `start` to `end`."""
    since, until = _bounds(start, end)
    answered = Q(answered_at__isnull=False)
    grouped = (
        calls.filter(ring_at__gte=since, ring_at__lt=until)
        .values("agency", "unit")
        .annotate(
            calls=Count("id"),
            answered=Count("id", filter=answered),
            within_15s=Count("id", filter=answered & Q(wait_seconds__lte=ANSWER_WITHIN_SECONDS)),
            transfers=Count("id", filter=Q(transferred=True)),
            transfers_succeeded=Count("id", filter=Q(transferred=True, transfer_succeeded=True)),
            talked=Count("talk_seconds"),
            talk_total=Sum("talk_seconds", default=0),
            rated=Count("id", filter=~Q(satisfaction="")),
            satisfied=Count(
                "id",
                filter=Q(satisfaction__in=(CallSatisfaction.SATISFIED, CallSatisfaction.BASIC)),
            ),
        )
        .order_by()
    )
    return _keyed(list(grouped), CallCounters)


def _name(item) -> str:
    unit = item[0][1]
    return unit.name if unit else ""


def order_statistics(orders: QuerySet, start: date, end: date) -> dict:
    """Counters per (agency, unit or None) for work orders received from `start` to `end`."""
    answered = Q(status__in=ANSWERED_STATUSES, replied_on__isnull=False)
    reached = ~Q(satisfaction="") & ~Q(satisfaction=Satisfaction.UNREACHED)
    grouped = (
        orders.filter(received_on__gte=start, received_on__lte=end)
        .values("agency", "unit")
        .annotate(
            received=Count("id"),
            answered=Count("id", filter=answered),
            on_time=Count("id", filter=answered & Q(replied_on__lte=F("due_on"))),
            returned=Count("id", filter=Q(status=OrderStatus.RETURNED)),
            merged=Count("id", filter=Q(status=OrderStatus.MERGED)),
            rated=Count("id", filter=reached),
            satisfied=Count(
                "id", filter=Q(satisfaction__in=(Satisfaction.SATISFIED, Satisfaction.BASIC))
            ),
        )
        .order_by()
    )
    return _keyed(list(grouped), OrderCounters)


def _keyed(rows: list[dict], counters) -> dict:
    """{(agency, unit or None): counters} in the agencies' order, each agency's own line first."""
    agencies = Agency.objects.in_bulk({row["agency"] for row in rows})
    units = InternalUnit.objects.in_bulk({row["unit"] for row in rows if row["unit"]})
    found = {}
    for row in rows:
        key = (agencies[row.pop("agency")], units.get(row.pop("unit")))
        if "talk_total" in row:
            row["talk_seconds"] = row.pop("talk_total")
        found[key] = counters(**row)
    return dict(
        sorted(
            found.items(),
            key=lambda item: (item[0][0].path, item[0][1] is not None, _name(item)),
        )
    )


def total(counters, empty):
    """The roll-up of a table's rows (a 主管部门's whole subtree)."""
    result = empty
    for row in counters.values():
        result = result + row
    return result
