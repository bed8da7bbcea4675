"""`gongkai tick` e-mails each staff user one digest a day of their inbox: every waiting source
with its count and an absolute link, no applicant data; nothing to a user with nothing waiting,
without an address, or who turned the digest off; a second run the same day sends nothing."""

import pytest
from django.core import mail
from django.core.management import call_command

from gongkai.accounts.models import DigestDelivery
from tests.applications.cases import make_case
from tests.conftest import login, make_staff


@pytest.fixture
def clerk(agency_a, settings):
    settings.GONGKAI_BASE_URL = "https://gk.example.cn"
    clerk = make_staff(agency_a, "clerk", full_name="陈小燕")
    clerk.email = "clerk@example.cn"
    clerk.save()
    make_case(agency_a, "2026-10-09", user=clerk)  # overdue
    make_case(agency_a, "2026-11-30")  # nobody handles it yet
    return clerk


def test_one_digest_lists_every_waiting_source_with_a_link(clerk, agency_a):
    quiet = make_staff(agency_a, "reviewer")  # reads cases, has nothing to sign
    quiet.email = "quiet@example.cn"
    quiet.save()
    call_command("tick")
    assert [m.to for m in mail.outbox] == [["clerk@example.cn"], ["quiet@example.cn"]]
    message = mail.outbox[0]
    assert message.subject == "政府信息公开平台待办提醒：2类事项待处理（2026年12月1日）"
    assert "陈小燕，您好" in message.body
    assert "已超期未答复的申请：1\n  https://gk.example.cn/workbench/cases/?queue=overdue" in (
        message.body
    )
    assert (
        "新收到、尚未分办的申请：1\n  https://gk.example.cn/workbench/cases/?queue=unassigned"
        in (message.body)
    )
    assert "张三" not in message.body
    # The reviewer reads the agency's cases: the overdue one is theirs to see, nothing else.
    assert "2类" not in mail.outbox[1].subject and "已超期未答复的申请：1" in mail.outbox[1].body


def test_a_second_run_the_same_day_sends_nothing(clerk):
    call_command("tick")
    call_command("tick")
    assert len(mail.outbox) == 1
    assert DigestDelivery.objects.get(user=clerk).entries == 2


def test_nothing_to_users_with_nothing_waiting_or_who_opted_out(clerk, agency_b):
    idle = make_staff(agency_b, "clerk")
    idle.email = "idle@example.cn"
    idle.save()
    response = login(clerk).post("/account/security/digest/", {})
    assert response.status_code == 302
    clerk.refresh_from_db()
    assert clerk.receives_digest is False
    call_command("tick")
    assert mail.outbox == []
    login(clerk).post("/account/security/digest/", {"receives_digest": "on"})
    call_command("tick")
    assert [m.to for m in mail.outbox] == [["clerk@example.cn"]]
