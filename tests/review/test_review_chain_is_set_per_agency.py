"""Each agency sets its own chain (初审 → 复审 → 批准 …); a review keeps the chain it started
with."""

import pytest
from django.urls import reverse

from gongkai.review import services as review
from gongkai.review.models import ReviewState
from tests.catalog.makers import Team, make_item
from tests.conftest import login, make_staff

pytestmark = pytest.mark.django_db


def test_an_agency_admin_sets_a_three_step_chain(agency_a):
    team = Team(agency_a)
    in_flight = review.submit(user=team.clerk, item=make_item(team.agency, team.clerk))
    admin = login(make_staff(agency_a, "agency_admin"))
    response = admin.post(
        reverse("review:chain", args=[agency_a.pk]),
        {
            "name_1": "初审",
            "role_1": "reviewer",
            "name_2": "复审",
            "role_2": "reviewer",
            "name_3": "批准",
            "role_3": "leader",
        },
        follow=True,
    )
    assert "审查流程已保存" in response.content.decode()
    assert [s["name"] for s in review.chain_for(agency_a)] == ["初审", "复审", "批准"]
    assert len(in_flight.steps) == 2

    fresh = review.submit(user=team.clerk, item=make_item(team.agency, team.clerk, title="新"))
    for signer in (team.reviewer, team.reviewer2, team.leader):
        review.sign(user=signer, review=fresh, decision="approve", legal_basis="第十九条")
    fresh.refresh_from_db()
    assert fresh.state == ReviewState.APPROVED
    assert [o.step_name for o in fresh.opinions.all()] == ["初审", "复审", "批准"]


def test_a_chain_must_end_with_the_leader(agency_a):
    admin = login(make_staff(agency_a, "agency_admin"))
    response = admin.post(
        reverse("review:chain", args=[agency_a.pk]), {"name_1": "审查", "role_1": "reviewer"}
    )
    assert "最后一个环节应由分管领导批准" in response.content.decode()
    assert [s["name"] for s in review.chain_for(agency_a)] == ["审查", "批准"]


def test_delegated_signing_and_escalation_are_recorded(agency_a):
    team = Team(agency_a)
    pending = review.submit(user=team.clerk, item=make_item(team.agency, team.clerk))
    review.sign(
        user=team.reviewer,
        review=pending,
        decision="escalate",
        legal_basis="《条例》第十七条",
        opinion="涉及是否属于国家秘密，提请县保密局确定",
    )
    assert pending.next_step["name"] == "审查"
    review.sign(
        user=team.reviewer2,
        review=pending,
        decision="approve",
        legal_basis="县保密局复函：不属于国家秘密",
        on_behalf_of="周海涛",
    )
    opinions = list(pending.opinions.values_list("decision", "on_behalf_of"))
    assert opinions == [("escalate", ""), ("approve", "周海涛")]
    assert pending.next_step["name"] == "批准"
