"""Obvious spam (the checks library's spam kind, a flood of links) is held for a person to look
at, never dropped: it waits in its own tab, and releasing it sends it to the handlers."""

import pytest
from django.urls import reverse

from gongkai.engagement.models import MessageStatus
from gongkai.engagement.spam import held_reason
from gongkai.engagement.workflow import MESSAGE_WORKFLOW
from tests.conftest import login
from tests.engagement.makers import SPAM, make_message

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "held"),
    [
        ("请问低保申请需要哪些材料？", False),
        ("政策原文见 www.gov.cn 和 www.yn.gov.cn。", False),
        (SPAM, True),
        ("看这里 a1.com a2.com a3.com a4.com a5.com", True),
    ],
)
def test_what_is_held(text, held):
    assert bool(held_reason("咨询", text)) is held


def test_a_held_message_waits_in_its_tab_until_released(agency_a, user_a):
    message = make_message(agency_a, text=SPAM)
    assert message.status == MessageStatus.HELD and "澳门新葡京" in message.held_reason
    client = login(user_a)
    held_tab = client.get(reverse("engagement:list") + "?queue=messages_held")
    assert [m.pk for m in held_tab.context["object_list"]] == [message.pk]
    new_tab = client.get(reverse("engagement:list") + "?queue=messages_new")
    assert list(new_tab.context["object_list"]) == []

    MESSAGE_WORKFLOW.perform(message, "release", {}, user=user_a)
    message.refresh_from_db()
    assert message.status == MessageStatus.RECEIVED
    new_tab = client.get(reverse("engagement:list") + "?queue=messages_new")
    assert [m.pk for m in new_tab.context["object_list"]] == [message.pk]
