"""An app above the review gate holds a final approval through `review.hooks` with its reason,
never a return or an earlier step's signature; and hears of the approval in its transaction."""

import pytest

from gongkai.lib.errors import Refused
from gongkai.review import hooks
from gongkai.review import services as review
from tests.catalog.makers import Team, make_item

pytestmark = pytest.mark.django_db

BASIS = "《条例》第十九条"


def test_a_registered_check_holds_only_the_final_approval(agency_a, monkeypatch):
    monkeypatch.setitem(hooks._checks, "test", lambda item: "须先完成配套工作。")
    team = Team(agency_a)
    pending = review.submit(user=team.clerk, item=make_item(agency_a, team.clerk))
    review.sign(user=team.reviewer, review=pending, decision="approve", legal_basis=BASIS)
    with pytest.raises(Refused, match="须先完成配套工作"):
        review.sign(user=team.leader, review=pending, decision="approve", legal_basis=BASIS)
    review.sign(
        user=team.leader, review=pending, decision="return", legal_basis=BASIS, opinion="请修改"
    )


def test_a_receiver_of_the_approval_can_undo_it(agency_a):
    team = Team(agency_a)
    item = make_item(agency_a, team.clerk)
    heard = []

    def refuse(sender, item, review, opinion, user, **kwargs):
        heard.append((item.status, opinion.step_name, user))
        raise Refused("配套材料未通过。")

    hooks.item_approved.connect(refuse, dispatch_uid="test-undo")
    try:
        with pytest.raises(Refused, match="配套材料未通过"):
            team.approve(item)
    finally:
        hooks.item_approved.disconnect(dispatch_uid="test-undo")
    item.refresh_from_db()
    assert heard == [("approved", "批准", team.leader)]
    assert item.status == "in_review"
