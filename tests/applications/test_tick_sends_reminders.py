"""`gongkai tick` e-mails each handler one digest of their overdue and due-soon cases, with no
applicant data in it."""

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from tests.applications.cases import make_case
from tests.conftest import make_staff


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel("2025-11-20 10:00 +0800", tick=False):
        yield


def test_tick_sends_one_digest_per_handler(agency_a):
    clerk = make_staff(agency_a, "clerk")
    clerk.email = "clerk@example.cn"
    clerk.save()
    overdue = make_case(agency_a, "2025-10-09", user=clerk)
    soon = make_case(agency_a, "2025-10-27", user=clerk)
    make_case(agency_a, "2025-11-19", user=clerk)
    call_command("tick", within=3)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["clerk@example.cn"]
    assert message.subject == "依申请公开提醒：1件已超期，1件即将到期"
    assert overdue.number in message.body and soon.number in message.body
    assert "张三" not in message.body


def test_unassigned_cases_go_to_the_agency_handlers(agency_a):
    clerk = make_staff(agency_a, "clerk")
    clerk.email = "office@example.cn"
    clerk.save()
    make_case(agency_a, "2025-10-09")
    call_command("tick")
    assert [m.to for m in mail.outbox] == [["office@example.cn"]]
