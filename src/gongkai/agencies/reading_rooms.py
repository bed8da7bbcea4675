"""What a reading room (查阅点, Art. 25) keeps beside its register: the people who came, counted
per day without personal data, and the printed guide, catalog and annual report handed over to
it (what, when, to whom) — and the year's total of visits that an annual report's narrative
cites (one city's report: 查阅点接待 23,316 人次)."""

from datetime import date

from django.db.models import Sum
from django.utils import timezone

from gongkai.lib.errors import Refused

from . import access
from .models import Agency, ReadingRoom, ReadingRoomDelivery, ReadingRoomVisit


def log_visits(room: ReadingRoom, *, day: date, count: int, user) -> ReadingRoomVisit:
    """The count of visits on `day`; entering a day again corrects its count."""
    access.require(user, "reading_room.log", room.agency)
    if day > timezone.localdate():
        raise Refused("不能登记今天以后的到访人次", "day")
    visit, created = ReadingRoomVisit.objects.get_or_create(
        room=room, day=day, defaults={"count": count}
    )
    if not created and visit.count != count:
        visit.count = count
        visit.save()
    return visit


def record_delivery(room: ReadingRoom, *, user, **fields) -> ReadingRoomDelivery:
    access.require(user, "reading_room.log", room.agency)
    if fields["delivered_on"] > timezone.localdate():
        raise Refused("交接日期不能晚于今天", "delivered_on")
    return ReadingRoomDelivery.objects.create(room=room, **fields)


def annual_visits(agency: Agency, year: int, *, with_subordinates: bool = False) -> int:
    """The visits of a year to the agency's reading rooms (and, if asked, to those of every
    agency below it): the figure an annual report's narrative cites."""
    rooms = ReadingRoomVisit.objects.filter(day__year=year)
    if with_subordinates:
        rooms = rooms.filter(room__agency__path__startswith=agency.path)
    else:
        rooms = rooms.filter(room__agency=agency)
    return rooms.aggregate(total=Sum("count"))["total"] or 0


def visits_by_room(rooms, year: int) -> dict[int, int]:
    """Each room's visits in a year, by the room's id, in one query."""
    totals = (
        ReadingRoomVisit.objects.filter(room__in=rooms, day__year=year)
        .values_list("room")
        .annotate(total=Sum("count"))
        .order_by()
    )
    return dict(totals)
