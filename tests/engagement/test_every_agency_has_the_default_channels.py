"""Every agency takes 咨询, 意见建议, 投诉举报, 网民找错 and 领导信箱 from the day it exists,
with the default limits in working days (engagement-and-oversight.md §2)."""

import pytest

from gongkai.engagement.channels import ensure_default_channels
from gongkai.engagement.models import Channel, ChannelKind
from tests.conftest import make_agency

pytestmark = pytest.mark.django_db


def test_a_new_agency_gets_every_channel_with_its_limits(county):
    agency = make_agency("测试县新设局", county)
    limits = {
        c.kind: (c.reply_workdays, c.complex_workdays, c.anonymous_allowed)
        for c in agency.channels.all()
    }
    assert limits == {
        ChannelKind.QUESTION: (3, 10, False),
        ChannelKind.SUGGESTION: (7, 15, True),
        ChannelKind.COMPLAINT: (15, 15, True),
        ChannelKind.ERROR_REPORT: (3, 10, True),
        ChannelKind.LEADER_MAILBOX: (7, 15, False),
    }


def test_seeding_again_keeps_what_the_agency_changed(agency_a):
    question = Channel.objects.get(agency=agency_a, kind=ChannelKind.QUESTION)
    question.reply_workdays = 5
    question.save()
    Channel.objects.filter(agency=agency_a, kind=ChannelKind.COMPLAINT).delete()
    created = ensure_default_channels(agency_a)
    assert [c.kind for c in created] == [ChannelKind.COMPLAINT]
    assert Channel.objects.get(agency=agency_a, kind=ChannelKind.QUESTION).reply_workdays == 5
