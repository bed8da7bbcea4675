"""The pre-publication checks run on every save of an item and its attachments; a block-level
finding stops approval until a reviewer overrides it with a written reason, which is audited."""

import pytest

from gongkai.catalog import services
from gongkai.core.actor import acting_as, actor_for_user
from gongkai.core.models import AuditEvent
from gongkai.lib.errors import Refused
from gongkai.review import services as review
from tests.catalog.files import xlsx_bytes
from tests.catalog.makers import Team, make_item

pytestmark = pytest.mark.django_db
ID_NUMBER = "532901198001011236"


@pytest.fixture
def team(agency_a):
    return Team(agency_a)


def test_findings_follow_every_save(team):
    item = make_item(team.agency, team.clerk, body=f"申请人身份证号{ID_NUMBER}。")
    version = item.current_version
    assert [f["kind"] for f in version.block_findings] == ["id_number"]
    services.update_item(
        user=team.clerk, item=item, data={"body": "申请人身份证号5329**********1236。"}
    )
    version.refresh_from_db()
    assert version.block_findings == []


def test_attachment_text_is_checked_too(team):
    item = make_item(team.agency, team.clerk)
    services.add_attachment(
        user=team.clerk, item=item, name="名单.xlsx", data=xlsx_bytes(["王某", ID_NUMBER])
    )
    findings = item.current_version.block_findings
    assert [(f["kind"], f["where"]) for f in findings] == [("id_number", "名单.xlsx")]


def test_block_findings_stop_approval_until_overridden(team):
    item = make_item(team.agency, team.clerk, body=f"申请人身份证号{ID_NUMBER}。")
    pending = review.submit(user=team.clerk, item=item)
    with pytest.raises(Refused, match="必须处理的问题"):
        review.sign(user=team.reviewer, review=pending, decision="approve", legal_basis="第十九条")
    with pytest.raises(Refused):
        review.override_checks(user=team.reviewer, review=pending, reason="可以")
    with acting_as(actor_for_user(team.reviewer)):
        review.override_checks(
            user=team.reviewer,
            review=pending,
            reason="该号码为已公开的法定代表人登记信息，依法公示",
        )
    review.sign(user=team.reviewer, review=pending, decision="approve", legal_basis="第十九条")
    event = AuditEvent.objects.get(action="checks_overridden")
    assert event.actor_id == team.reviewer.pk
    assert event.after["reason"].startswith("该号码")
    assert event.after["findings"] == [f"id_number:{ID_NUMBER}"]


def test_a_clerk_cannot_override(team):
    item = make_item(team.agency, team.clerk, body=f"身份证号{ID_NUMBER}")
    pending = review.submit(user=team.clerk, item=item)
    with pytest.raises(Refused, match="审查人"):
        review.override_checks(user=team.clerk, review=pending, reason="我觉得可以公开这个号码")
