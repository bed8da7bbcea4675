"""Art. 18: information decided 不予公开 comes back for re-review periodically and never reaches
the portal while withheld."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from gongkai.catalog.models import InfoItem
from gongkai.lib.errors import Refused
from gongkai.review import services as review
from tests.catalog.makers import Team, make_item
from tests.conftest import login

pytestmark = pytest.mark.django_db


def test_withheld_items_need_a_reason(agency_a):
    with pytest.raises(Refused, match="必须注明理由"):
        make_item(agency_a, attribute="not_disclosed")


def test_withheld_items_enter_the_re_review_queue_and_stay_off_the_portal(agency_a):
    team = Team(agency_a)
    item = make_item(
        team.agency,
        team.clerk,
        title="内部人事调整讨论记录",
        attribute="not_disclosed",
        exemption_reasons=["process_info"],
    )
    item = team.approve(item)
    assert item.re_review_due == timezone.localdate() + timedelta(days=365)
    with pytest.raises(Refused, match="不在门户公开"):
        review.publish(user=team.clerk, item=item)
    assert not InfoItem.objects.public().exists()
    page = login(team.reviewer).get(reverse("review:re_review")).content.decode()
    assert "内部人事调整讨论记录" not in page
    with time_machine.travel(timezone.now() + timedelta(days=350), tick=False):
        page = login(team.reviewer).get(reverse("review:re_review")).content.decode()
    assert "内部人事调整讨论记录" in page
