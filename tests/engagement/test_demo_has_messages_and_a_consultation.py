"""The demo county's 政民互动, on whatever day `make run` loads it: a year of messages in every
channel and state, with published replies and both on-time and late answers for the charts; a
consultation taking comments and one whose 采纳情况 is published."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from gongkai.demo import data
from gongkai.engagement import oversight
from gongkai.engagement.models import (
    ChannelKind,
    CommentStatus,
    Consultation,
    ConsultationStatus,
    Message,
    MessageSource,
    MessageStatus,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("day", ["2026-12-01", "2027-01-02", "2027-02-04"])
def test_every_channel_and_state(day):
    with time_machine.travel(f"{day} 10:00 +0800", tick=False):
        data.load()
        today = timezone.localdate()
        bureau = Message.objects.filter(agency__name="某某县民政局")
        assert set(bureau.values_list("channel__kind", flat=True)) == set(ChannelKind.values)
        assert set(bureau.values_list("status", flat=True)) == set(MessageStatus.values)
        assert set(bureau.values_list("source", flat=True)) == set(MessageSource.values)
        assert bureau.published().exists()
        assert bureau.overdue(today).exists() and bureau.due_within(3, today).exists()
        assert bureau.filter(extension_workdays__gt=0).exists()
        year_ago = today - timedelta(days=366)
        counters = oversight.by_agency(oversight.statistics(Message.objects.all(), year_ago, today))
        assert len(counters) == 3  # the 民政局, the 移民局 and the town, for the supervisor
        totals = list(counters.values())
        assert any(row.on_time < row.answered for row in totals)  # some answered late

        concluded = Consultation.objects.get(status=ConsultationStatus.CONCLUDED)
        assert concluded.adoptions.count() == 3 and concluded.result_published_on == today
        assert {a.decision for a in concluded.adoptions.all()} == {
            "adopted",
            "partly",
            "not_adopted",
        }
        taking = Consultation.objects.get(status=ConsultationStatus.OPEN)
        assert taking.taking_comments(today)
        assert set(taking.comments.values_list("status", flat=True)) == {
            CommentStatus.PENDING,
            CommentStatus.HELD,
        }
