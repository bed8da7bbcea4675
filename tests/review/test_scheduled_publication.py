"""An approved item can be set to publish itself at a chosen time."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from gongkai.catalog.models import InfoItem
from gongkai.lib.errors import Refused
from gongkai.review import services as review
from tests.catalog.makers import Team, make_item

pytestmark = pytest.mark.django_db


def test_scheduled_items_publish_when_their_time_comes(agency_a):
    team = Team(agency_a)
    item = team.approve(make_item(team.agency, team.clerk))
    when = timezone.now() + timedelta(hours=1)
    review.schedule(user=team.clerk, item=item, when=when)
    assert review.publish_scheduled(timezone.now()) == []
    assert not InfoItem.objects.public().exists()
    published = review.publish_scheduled(when + timedelta(minutes=1))
    assert [p.pk for p in published] == [item.pk]
    assert InfoItem.objects.public().get().published_at == when


def test_a_draft_cannot_be_scheduled(agency_a):
    team = Team(agency_a)
    item = make_item(team.agency, team.clerk)
    with pytest.raises(Refused):
        review.schedule(user=team.clerk, item=item, when=timezone.now() + timedelta(hours=1))


def test_the_timer_command_publishes_due_items(agency_a, capsys):
    from django.core.management import call_command

    team = Team(agency_a)
    item = team.approve(make_item(team.agency, team.clerk))
    when = timezone.now() + timedelta(seconds=30)
    review.schedule(user=team.clerk, item=item, when=when)
    with time_machine.travel(when + timedelta(minutes=1), tick=False):
        call_command("catalog", "publish-scheduled")
    assert f"已公开：{item.index_no}" in capsys.readouterr().out
    assert InfoItem.objects.public().get() == item
