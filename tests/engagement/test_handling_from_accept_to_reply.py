"""A clerk takes a message up (complex ones get the longer limit), answers it and closes it;
where the channel wants it, the leader checks the answer first and may send it back; the writer
reads the answer, its unit and date with the look-up code. Every move is audited."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from gongkai.core.models import AuditEvent
from gongkai.engagement.models import MessageStatus
from gongkai.engagement.workflow import MESSAGE_WORKFLOW
from gongkai.lib.errors import Refused
from tests.applications.cases import d
from tests.conftest import make_staff
from tests.engagement.makers import channel_of, make_message

pytestmark = pytest.mark.django_db


def _perform(message, name, user, **data):
    return MESSAGE_WORKFLOW.perform(message, name, data, user=user)


def _read_by_code(message) -> str:
    response = Client().post(
        reverse("engage:lookup"), {"lookup_code": message.lookup_code, "contact": message.phone}
    )
    return response.content.decode()


def test_accept_reply_close(agency_a):
    clerk = make_staff(agency_a, "clerk")
    message = make_message(agency_a, received_on=d("2026-11-30"))
    assert message.due_on == d("2026-12-03")
    message = _perform(message, "accept", clerk, complex_case="on")
    assert message.status == MessageStatus.ACCEPTED and message.due_on == d("2026-12-14")
    assert "办理中" in _read_by_code(message)

    message = _perform(message, "reply", clerk, text="请携带户口簿和收入证明到社区申请。")
    assert message.status == MessageStatus.REPLIED and message.replied_on == d("2026-12-01")
    assert message.reply_unit == agency_a.name
    page = _read_by_code(message)
    assert (
        "已答复" in page and "请携带户口簿和收入证明到社区申请。" in page and "2026-12-01" in page
    )

    message = _perform(message, "close", clerk)
    assert message.status == MessageStatus.CLOSED
    actions = list(
        AuditEvent.objects.filter(
            record_type="engagement.message",
            record_id=str(message.pk),
            action__in=["accept", "reply", "close"],
        )
        .order_by("seq")
        .values_list("action", flat=True)
    )
    assert actions == ["accept", "reply", "close"]


def test_the_leader_checks_where_the_channel_requires(agency_a):
    channel = channel_of(agency_a, "leader_mailbox")
    channel.requires_leader_check = True
    channel.save()
    clerk, leader = make_staff(agency_a, "clerk"), make_staff(agency_a, "leader")
    message = _perform(make_message(agency_a, kind="leader_mailbox"), "accept", clerk)
    message = _perform(message, "reply", clerk, text="感谢建议，我局将研究。")
    assert message.status == MessageStatus.CHECKING and message.replied_on is None
    # The writer does not see an answer that has not gone out.
    page = _read_by_code(message)
    assert "办理中" in page and "感谢建议" not in page
    with pytest.raises(PermissionDenied):
        _perform(message, "check", clerk)

    message = _perform(message, "rework", leader, reason="请写明研究的时限")
    assert message.status == MessageStatus.ACCEPTED and message.rework_reason == "请写明研究的时限"
    message = _perform(message, "reply", clerk, text="感谢建议，我局将在一个月内研究答复。")
    message = _perform(message, "check", leader)
    assert message.status == MessageStatus.REPLIED and message.replied_on == d("2026-12-01")
    assert "一个月内研究答复" in _read_by_code(message)


def test_a_reply_needs_text(agency_a):
    clerk = make_staff(agency_a, "clerk")
    message = _perform(make_message(agency_a), "accept", clerk)
    with pytest.raises(Refused, match="请填写答复内容"):
        _perform(message, "reply", clerk, text="   ")


def test_the_message_page_says_what_became_of_the_reply(agency_a):
    from tests.conftest import login

    channel = channel_of(agency_a)
    channel.requires_leader_check = True
    channel.save()
    clerk = make_staff(agency_a, "clerk")
    message = _perform(make_message(agency_a), "accept", clerk)
    response = login(clerk).post(
        reverse("engagement:detail", args=[message.pk]),
        {"transition": "reply", "reply-text": "请携带户口簿到乡镇申请。"},
        follow=True,
    )
    assert response.status_code == 200
    assert "答复已提交领导审核" in response.content.decode()
