"""The platform acting on its own (the publication timer, the command-line import of past
reports) goes through the same access check as staff, granted only the actions it names;
a service called with no user at all is refused, so nothing can switch the check off."""

import pytest
from django.core.exceptions import PermissionDenied

from gongkai.agencies import access
from gongkai.catalog.models import InfoItem
from gongkai.review import services as review
from tests.catalog.makers import Team, make_item

pytestmark = pytest.mark.django_db


def test_a_system_task_is_granted_its_actions_at_every_agency_and_nothing_else(agency_a, agency_b):
    task = access.SCHEDULED_PUBLICATION
    assert access.can(task, "item.publish", agency_a)
    assert access.can(task, "item.publish", agency_b)
    assert not access.can(task, "item.change", agency_a)
    assert not access.can(task, "case.view", agency_a)
    assert not access.can(access.PAST_REPORT_IMPORT, "item.publish", agency_a)
    assert access.can(access.PAST_REPORT_IMPORT, "report.edit", agency_a)
    assert access.can(access.SYNCED_PUBLICATION, "item.publish", agency_b)
    assert not access.can(access.SYNCED_PUBLICATION, "item.change", agency_a)


def test_publishing_without_a_user_is_refused(agency_a):
    team = Team(agency_a)
    item = team.approve(make_item(team.agency, team.clerk))
    with pytest.raises(PermissionDenied):
        review.publish(user=None, item=item)
    with pytest.raises(PermissionDenied):
        review.publish(user=access.PAST_REPORT_IMPORT, item=item)
    assert not InfoItem.objects.public().exists()
    review.publish(user=access.SCHEDULED_PUBLICATION, item=item)
    assert InfoItem.objects.public().get() == item
