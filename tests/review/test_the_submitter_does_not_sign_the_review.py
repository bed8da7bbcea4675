"""Separation of duties: whoever submitted an item for review cannot sign its review, even
holding the reviewer's role; an agency that is a one-person office may allow it (its admin sets
it beside the chain), and every opinion signed so says it was signed by the submitter."""

import pytest
from django.urls import reverse

from gongkai.core.models import AuditEvent
from gongkai.lib.errors import Refused
from gongkai.review import services as review
from gongkai.review.models import ReviewOpinion
from tests.catalog.makers import make_item
from tests.conftest import login, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def office(agency_a):
    """One person registering and reviewing, and a leader to approve."""
    return make_staff(agency_a, "clerk", "reviewer"), make_staff(agency_a, "leader")


def test_the_submitter_is_refused_and_nothing_is_signed(agency_a, office):
    clerk, _leader = office
    submitted = review.submit(user=clerk, item=make_item(agency_a, clerk))
    for decision in ("approve", "return"):
        with pytest.raises(Refused, match="提交人"):
            review.sign(
                user=clerk,
                review=submitted,
                decision=decision,
                legal_basis="第十九条",
                opinion="请修改",
            )
    assert not ReviewOpinion.objects.exists()


def test_another_reviewer_signs_as_before(agency_a, office):
    clerk, _leader = office
    submitted = review.submit(user=clerk, item=make_item(agency_a, clerk))
    other = make_staff(agency_a, "reviewer")
    signed = review.sign(user=other, review=submitted, decision="approve", legal_basis="第十九条")
    assert not signed.signed_by_submitter


def test_a_one_person_office_allows_it_and_the_opinion_says_so(agency_a, office):
    clerk, leader = office
    admin = login(make_staff(agency_a, "agency_admin"))
    response = admin.post(
        reverse("review:chain", args=[agency_a.pk]),
        {
            "name_1": "审查",
            "role_1": "reviewer",
            "name_2": "批准",
            "role_2": "leader",
            "submitter_may_sign": "on",
        },
        follow=True,
    )
    assert "审查流程已保存" in response.content.decode()
    agency_a.refresh_from_db()
    assert agency_a.submitter_may_sign
    assert AuditEvent.objects.filter(action="review_chain_set").exists()

    item = make_item(agency_a, clerk)
    submitted = review.submit(user=clerk, item=item)
    signed = review.sign(user=clerk, review=submitted, decision="approve", legal_basis="第十九条")
    assert signed.signed_by_submitter
    by_leader = review.sign(
        user=leader, review=submitted, decision="approve", legal_basis="第十九条"
    )
    assert not by_leader.signed_by_submitter
    page = login(leader).get(reverse("review:item", args=[item.pk])).content.decode()
    assert "提交人签署，本机关为一人办公室" in page
