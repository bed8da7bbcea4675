"""同步: with the agency's setting on, a policy document's final approval waits for its
interpretation (or a recorded reason why none is needed), with the reason in Chinese; approving
the document signs the interpretation waiting at its last step, and publishing it publishes
both at the same moment. In the 限期 mode the interpretation is due within the configured
working days of the document's release."""

from datetime import date

import pytest
import time_machine

from gongkai.calendar.workdays import add_workdays
from gongkai.catalog.models import Genre, InfoItem
from gongkai.interpretations import services
from gongkai.interpretations.models import SyncMode
from gongkai.lib.errors import Refused
from gongkai.review import services as review
from tests.catalog.makers import Team, make_item
from tests.conftest import make_staff
from tests.interpretations.makers import make_interpretation, make_policy, sync

pytestmark = pytest.mark.django_db

BASIS = "《政府信息公开条例》第十九条"


def _to_last_step(team, item):
    pending = review.submit(user=team.clerk, item=item)
    review.sign(user=team.reviewer, review=pending, decision="approve", legal_basis=BASIS)
    return pending


def _approve(team, pending):
    return review.sign(user=team.leader, review=pending, decision="approve", legal_basis=BASIS)


def test_the_document_alone_cannot_be_approved(agency_a):
    team = Team(agency_a)
    sync(agency_a)
    document = make_policy(agency_a, team.clerk)
    pending = _to_last_step(team, document)
    with pytest.raises(Refused, match="同步审签") as refused:
        _approve(team, pending)
    assert "政策解读" in refused.value.message
    document.refresh_from_db()
    assert document.status == "in_review"
    # A return is never held up.
    review.sign(
        user=team.leader, review=pending, decision="return", legal_basis=BASIS, opinion="补充"
    )


def test_a_draft_interpretation_is_not_enough_to_go_together(agency_a):
    team = Team(agency_a)
    sync(agency_a)
    document = make_policy(agency_a, team.clerk)
    make_interpretation(agency_a, team.clerk, document)
    pending = _to_last_step(team, document)
    with pytest.raises(Refused, match="最后一个环节"):
        _approve(team, pending)


def test_approving_the_document_signs_and_publishing_it_publishes_both(agency_a):
    team = Team(agency_a)
    sync(agency_a)
    document = make_policy(agency_a, team.clerk)
    interpretation = make_interpretation(agency_a, team.clerk, document)
    _to_last_step(team, interpretation.item)
    _approve(team, _to_last_step(team, document))
    shown = interpretation.item
    shown.refresh_from_db()
    assert shown.status == "approved"
    last = review.Review.objects.get(version=shown.current_version).opinions.last()
    assert (last.reviewer, last.opinion) == (team.leader, "与所解读的文件同步审签")
    document.refresh_from_db()
    review.publish(user=team.clerk, item=document)
    shown.refresh_from_db()
    document.refresh_from_db()
    assert InfoItem.objects.public().filter(pk__in=[document.pk, shown.pk]).count() == 2
    assert shown.published_at == document.published_at


def test_a_refused_co_signature_undoes_the_documents_approval(agency_a):
    """The leader who drafted and submitted the interpretation may not sign it: the document
    stays in review, with that reason."""
    team = Team(agency_a)
    sync(agency_a)
    drafter = make_staff(agency_a, "clerk", "leader")
    document = make_policy(agency_a, team.clerk)
    interpretation = make_interpretation(agency_a, drafter, document)
    pending = review.submit(user=drafter, item=interpretation.item)
    review.sign(user=team.reviewer, review=pending, decision="approve", legal_basis=BASIS)
    with pytest.raises(Refused, match="提交人"):
        review.sign(
            user=drafter,
            review=_to_last_step(team, document),
            decision="approve",
            legal_basis=BASIS,
        )
    document.refresh_from_db()
    assert document.status == "in_review"


def test_a_recorded_reason_lets_the_document_go_alone(agency_a):
    team = Team(agency_a)
    sync(agency_a)
    document = make_policy(agency_a, team.clerk)
    services.waive(user=team.clerk, document=document, reason="转发上级文件，上级已作解读")
    _approve(team, _to_last_step(team, document))
    document.refresh_from_db()
    assert document.status == "approved"


def test_other_genres_only_when_the_agency_marks_them(agency_a):
    team = Team(agency_a)
    plans = Genre.objects.get(name="规划计划")
    sync(agency_a)
    plan = make_item(agency_a, team.clerk, genre=plans)
    team.approve(plan)
    assert plan.status == "approved"
    sync(agency_a, genres=[plans])
    marked = make_item(agency_a, team.clerk, genre=plans)
    with pytest.raises(Refused, match="同步审签"):
        _approve(team, _to_last_step(team, marked))


def test_with_the_setting_off_nothing_is_asked(agency_a):
    team = Team(agency_a)
    document = team.approve(make_policy(agency_a, team.clerk))
    assert document.status == "approved"


def test_in_the_follow_mode_the_interpretation_is_due_within_the_working_days(agency_a):
    team = Team(agency_a)
    sync(agency_a, mode=SyncMode.FOLLOW, days=3)
    document = make_policy(agency_a, team.clerk)
    with pytest.raises(Refused, match="同步审签"):
        _approve(team, _to_last_step(team, document))
    document = make_policy(agency_a, team.clerk, title="关于调整临时救助标准的通知")
    interpretation = make_interpretation(agency_a, team.clerk, document)
    _approve(team, _to_last_step(team, document))
    document.refresh_from_db()
    # Released on a Friday: three working days later is the next Wednesday.
    with time_machine.travel("2026-11-27 10:00 +0800", tick=False):
        review.publish(user=team.clerk, item=document)
    interpretation.refresh_from_db()
    assert interpretation.due_on == add_workdays(date(2026, 11, 27), 3) == date(2026, 12, 2)
    assert not interpretation.item.is_public
