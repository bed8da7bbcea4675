"""A writer sends a message from the portal, gets an unguessable look-up code, and reads the
state (and the reason of a refusal) with the code and the phone or e-mail they gave."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.engagement import services
from gongkai.engagement.models import Message, MessageStatus
from tests.engagement.makers import channel_of

pytestmark = pytest.mark.django_db


def _post(client, channel, token="t1", **fields):
    data = {
        "submission_token": token,
        "channel": channel.pk,
        "subject": "低保申请材料",
        "text": "请问申请低保需要提交哪些材料？",
        "writer_name": "张三",
        "phone": "138-0013-8000",
        "email": "zhang@example.cn",
    } | fields
    return client.post(reverse("engage:write"), data)


def _lookup(client, code, contact):
    return client.post(reverse("engage:lookup"), {"lookup_code": code, "contact": contact})


def test_the_receipt_gives_a_code_that_finds_the_message(agency_a, user_a):
    client = Client()
    response = _post(client, channel_of(agency_a))
    assert response.status_code == 302
    receipt = client.get(response["Location"]).content.decode()
    code = re.search(r'id="lookup-code">([A-Z0-9-]+)<', receipt).group(1)
    message = Message.objects.get()
    assert code.replace("-", "") == message.lookup_code and len(message.lookup_code) == 12

    found = _lookup(Client(), code.lower(), "13800138000")
    assert found.context["message"] == message
    assert "待审查" in found.content.decode()
    assert _lookup(Client(), code, "ZHANG@example.cn").context["message"] == message

    services.refuse(message, reason="请向县医保局咨询", user=user_a)
    page = _lookup(Client(), code, "13800138000").content.decode()
    assert "不予受理" in page and "请向县医保局咨询" in page


def test_a_wrong_contact_or_code_finds_nothing(agency_a):
    _post(Client(), channel_of(agency_a))
    code = Message.objects.get().lookup_code
    assert _lookup(Client(), code, "13900000000").context["not_found"]
    assert _lookup(Client(), code[:-1] + ("A" if code[-1] != "A" else "B"), "13800138000").context[
        "not_found"
    ]


def test_posting_the_same_form_twice_records_one_message(agency_a):
    client = Client()
    first, second = _post(client, channel_of(agency_a)), _post(client, channel_of(agency_a))
    assert first.status_code == second.status_code == 302
    assert Message.objects.count() == 1


def test_lookups_are_rate_limited(agency_a, settings):
    settings.GONGKAI_STATUS_LOOKUPS_PER_15_MIN = 2
    client = Client()
    assert _lookup(client, "AAAA-BBBB-CCCC", "1").status_code == 200
    assert _lookup(client, "AAAA-BBBB-CCCC", "1").status_code == 200
    refused = _lookup(client, "AAAA-BBBB-CCCC", "1")
    assert refused.status_code == 429 and "查询过于频繁" in refused.content.decode()


def test_staff_register_a_letter_with_its_date(agency_a, user_a):
    from tests.conftest import login

    response = login(user_a).post(
        reverse("engagement:register"),
        {
            "channel": channel_of(agency_a, "leader_mailbox").pk,
            "source": "letter",
            "received_on": "2026-11-27",
            "subject": "关于村道维修的建议",
            "text": "建议尽快维修村道。",
            "writer_name": "李四",
            "phone": "0871-1234567",
        },
    )
    message = Message.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/{message.pk}/")
    assert (message.source, str(message.received_on), message.registered_by) == (
        "letter",
        "2026-11-27",
        user_a,
    )
    assert message.status == MessageStatus.RECEIVED
