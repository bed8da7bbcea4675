"""A reading room counts its visitors per day — a number, no names — and records the printed
guide, catalog and annual report handed over to it (what, when, how many, by whom, to whom);
the year's total is what an annual report's narrative cites."""

from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from gongkai.agencies import reading_rooms
from gongkai.agencies.models import Agency, ReadingRoom, ReadingRoomDelivery, ReadingRoomVisit
from gongkai.lib.errors import Refused
from tests.conftest import login, make_agency, make_staff

pytestmark = pytest.mark.django_db


def _room(agency, name="一楼查阅点") -> ReadingRoom:
    return ReadingRoom.objects.create(agency=agency, name=name, address="人民路1号")


def test_the_annual_total_adds_every_room_of_the_year(county, agency_a):
    clerk = make_staff(agency_a, "clerk")
    first, second = _room(agency_a), _room(agency_a, "档案馆查阅点")
    for room, day, count in (
        (first, date(2025, 3, 2), 12),
        (first, date(2025, 12, 31), 30),
        (second, date(2025, 6, 1), 7),
        (first, date(2024, 12, 31), 99),  # the year before
        (first, date(2026, 1, 1), 5),  # the year after
    ):
        reading_rooms.log_visits(room, day=day, count=count, user=clerk)
    assert reading_rooms.annual_visits(agency_a, 2025) == 49
    assert reading_rooms.visits_by_room([first, second], 2025) == {first.pk: 42, second.pk: 7}
    town = make_agency("测试县城关镇", agency_a)
    reading_rooms.log_visits(
        _room(town), day=date(2025, 5, 5), count=3, user=make_staff(town, "clerk")
    )
    assert reading_rooms.annual_visits(agency_a, 2025) == 49
    assert reading_rooms.annual_visits(agency_a, 2025, with_subordinates=True) == 52
    assert reading_rooms.annual_visits(county, 2025) == 0


def test_entering_a_day_again_corrects_it_and_a_future_day_is_refused(agency_a):
    clerk = make_staff(agency_a, "clerk")
    room = _room(agency_a)
    today = timezone.localdate()
    reading_rooms.log_visits(room, day=today, count=8, user=clerk)
    reading_rooms.log_visits(room, day=today, count=11, user=clerk)
    assert list(ReadingRoomVisit.objects.values_list("count", flat=True)) == [11]
    with pytest.raises(Refused, match="不能登记今天以后的到访人次"):
        reading_rooms.log_visits(room, day=today + timedelta(days=1), count=1, user=clerk)
    # No field of a visit can hold a person.
    fields = {f.name for f in ReadingRoomVisit._meta.get_fields()}
    assert fields == {"id", "room", "day", "count"}


def test_staff_count_visits_and_record_hand_overs_on_the_workbench(agency_a, agency_b):
    clerk = login(make_staff(agency_a, "clerk", full_name="陈小燕"))
    room = _room(agency_a)
    today = timezone.localdate()
    visits = reverse("workbench:reading_room_visits", args=[room.pk])
    assert clerk.post(visits, {"day": today.isoformat(), "count": "23"}).status_code == 302
    assert clerk.post(visits, {"day": today.isoformat(), "count": "-1"}).status_code == 400
    form = clerk.get(reverse("workbench:reading_room_delivery", args=[room.pk]))
    assert form.context["form"].initial["delivered_by"] == "陈小燕"
    clerk.post(
        reverse("workbench:reading_room_delivery", args=[room.pk]),
        {
            "kind": "annual_report",
            "title": "2025年政府信息公开工作年度报告",
            "copies": "5",
            "delivered_on": today.isoformat(),
            "delivered_by": "陈小燕",
            "received_by": "档案馆 李芳",
        },
    )
    delivery = ReadingRoomDelivery.objects.get()
    assert (delivery.kind, delivery.copies, delivery.received_by) == (
        "annual_report",
        5,
        "档案馆 李芳",
    )
    page = clerk.get(reverse("workbench:reading_room_detail", args=[room.pk])).content.decode()
    assert "全年接待 <strong>23</strong> 人次" in page and "档案馆 李芳" in page

    outsider = login(make_staff(agency_b, "clerk"))
    assert outsider.post(visits, {"day": today.isoformat(), "count": "1"}).status_code == 404
    # A reviewer reads the room's page; recording is not his, and the form is not there for him.
    reviewer = login(make_staff(agency_a, "reviewer"))
    assert reviewer.get(reverse("workbench:reading_room_detail", args=[room.pk])).status_code == 200
    assert reviewer.post(visits, {"day": today.isoformat(), "count": "1"}).status_code == 404
    assert ReadingRoomVisit.objects.get().count == 23


def test_the_demo_rooms_have_visits_and_hand_overs(db):
    call_command("demo", "load", "--if-empty")
    county = Agency.objects.get(name="某某县人民政府")
    year = timezone.localdate().year
    logged = ReadingRoomVisit.objects.filter(room__agency=county, day__year=year)
    assert reading_rooms.annual_visits(county, year) == sum(v.count for v in logged) > 0
    kinds = set(ReadingRoomDelivery.objects.values_list("kind", flat=True))
    assert kinds == {"guide", "catalog", "annual_report"}
