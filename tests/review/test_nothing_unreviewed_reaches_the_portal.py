"""No path makes a version public unless that exact version's review was approved."""

import pytest
from django.core.exceptions import PermissionDenied

from gongkai.agencies.services import set_roles
from gongkai.catalog import services
from gongkai.catalog.models import Attachment, InfoItem, ItemStatus
from gongkai.lib.errors import Refused
from gongkai.review import services as review
from gongkai.review.guards import UnreviewedPublication
from tests.catalog.makers import Team, make_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(agency_a):
    return Team(agency_a)


def test_a_draft_cannot_be_published(team):
    item = make_item(team.agency, team.clerk)
    with pytest.raises(Refused, match="审查通过"):
        review.publish(user=team.clerk, item=item)
    assert not InfoItem.objects.public().exists()


def test_a_partly_signed_review_cannot_be_published(team):
    item = make_item(team.agency, team.clerk)
    reviewed = review.submit(user=team.clerk, item=item)
    review.sign(user=team.reviewer, review=reviewed, decision="approve", legal_basis="第十九条")
    item.refresh_from_db()
    assert item.status == ItemStatus.IN_REVIEW
    with pytest.raises(Refused):
        review.publish(user=team.clerk, item=item)
    assert not InfoItem.objects.public().exists()


def test_the_approved_version_is_published(team):
    item = team.publish(make_item(team.agency, team.clerk))
    assert list(InfoItem.objects.public()) == [item]
    assert item.published_version == item.current_version


def test_setting_the_public_version_directly_is_refused(team):
    item = make_item(team.agency, team.clerk)
    item.published_version = item.current_version
    item.status = ItemStatus.PUBLISHED
    with pytest.raises(UnreviewedPublication):
        item.save()
    assert not InfoItem.objects.public().exists()


def test_an_approved_version_cannot_be_edited_in_place(team):
    item = team.approve(make_item(team.agency, team.clerk))
    version = item.current_version
    version.body = "审查后偷偷改动的正文"
    with pytest.raises(UnreviewedPublication):
        version.save()


def test_a_bulk_update_bypassing_models_still_shows_nothing(team):
    item = make_item(team.agency, team.clerk)
    InfoItem.objects.filter(pk=item.pk).update(
        published_version=item.current_version, status=ItemStatus.PUBLISHED
    )
    assert not InfoItem.objects.public().exists()


def test_a_revision_stays_hidden_until_reviewed(team):
    item = team.publish(make_item(team.agency, team.clerk))
    v1 = item.published_version
    services.start_revision(user=team.clerk, item=item, change_note="更正联系电话")
    item.refresh_from_db()
    services.update_item(user=team.clerk, item=item, data={"body": "第二版正文"})
    item.refresh_from_db()
    assert InfoItem.objects.public().get().published_version == v1
    with pytest.raises(Refused):
        review.publish(user=team.clerk, item=item)
    item = team.publish(item)
    assert InfoItem.objects.public().get().published_version.body == "第二版正文"


def test_one_person_cannot_approve_twice_in_a_chain(team):
    both = team.reviewer
    set_roles(both, team.agency, ["reviewer", "leader"])
    item = make_item(team.agency, team.clerk)
    reviewed = review.submit(user=team.clerk, item=item)
    review.sign(user=both, review=reviewed, decision="approve", legal_basis="第十九条")
    with pytest.raises(Refused, match="两次"):
        review.sign(user=both, review=reviewed, decision="approve", legal_basis="第十九条")


def test_a_clerk_cannot_sign(team):
    item = make_item(team.agency, team.clerk)
    reviewed = review.submit(user=team.clerk, item=item)
    with pytest.raises(Refused, match="审查人"):
        review.sign(user=team.clerk, review=reviewed, decision="approve", legal_basis="第十九条")


def test_staff_of_another_agency_cannot_publish(team, agency_b, user_b):
    item = team.approve(make_item(team.agency, team.clerk))
    with pytest.raises(PermissionDenied):
        review.publish(user=user_b, item=item)


def test_a_file_cannot_be_slipped_into_an_approved_version(team):
    item = team.approve(make_item(team.agency, team.clerk))
    with pytest.raises(UnreviewedPublication):
        Attachment.objects.create(
            version=item.current_version,
            agency=team.agency,
            name="后补.png",
            file="catalog/x.png",
            kind="png",
            size=1,
            sha256="0" * 64,
        )
