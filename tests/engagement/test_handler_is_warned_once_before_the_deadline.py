"""`gongkai tick` e-mails the handler of each open message that has come within its channel's
warning threshold, once per message: running it again (the same day or the next) sends no
second warning; nobody holding it yet, the agency's handlers are told; answered messages and
those further off are left alone."""

import pytest
from django.core import mail
from django.core.management import call_command

from gongkai.core.models import AuditEvent
from gongkai.engagement import services
from gongkai.engagement.models import Channel
from tests.applications.cases import d
from tests.conftest import make_staff
from tests.engagement.makers import make_message

pytestmark = pytest.mark.django_db


def _warnings() -> list:
    return [m for m in mail.outbox if "即将到期" in m.subject]


@pytest.fixture
def office(agency_a):
    Channel.objects.filter(agency=agency_a).update(warn_workdays=2)
    clerk = make_staff(agency_a, "clerk", full_name="陈小燕")
    clerk.email = "clerk@example.cn"
    clerk.save()
    handler = make_staff(agency_a, "clerk", full_name="杨光")
    handler.email = "handler@example.cn"
    handler.save()
    return clerk, handler


def _tick(capture) -> None:
    with capture(execute=True):
        call_command("tick", "--base-url", "https://gk.example.cn")


def test_the_handler_is_warned_once(office, agency_a, django_capture_on_commit_callbacks):
    clerk, handler = office
    # Received 2026-11-30: due 2026-12-03, two working days after today (2026-12-01).
    held = services.accept(
        make_message(agency_a, subject="即将到期的咨询", received_on=d("2026-11-30")),
        complex_case=False,
        handler=handler,
        user=clerk,
    )
    untaken = make_message(agency_a, subject="无人承办的咨询", received_on=d("2026-11-30"))
    make_message(agency_a, subject="今天收到的咨询")  # due 2026-12-04: three working days off
    answered = services.accept(
        make_message(agency_a, subject="已答复的咨询", received_on=d("2026-11-30")),
        complex_case=False,
        user=clerk,
    )
    services.reply(answered, text="答复。", user=clerk)
    mail.outbox.clear()

    _tick(django_capture_on_commit_callbacks)
    warnings = {m.subject.split("：", 1)[1]: sorted(m.to) for m in _warnings()}
    assert warnings == {
        "即将到期的咨询": ["handler@example.cn"],
        "无人承办的咨询": ["clerk@example.cn", "handler@example.cn"],
    }
    body = next(m.body for m in _warnings() if "即将到期的咨询" in m.subject)
    assert "答复期限为 2026-12-03" in body
    assert f"https://gk.example.cn/workbench/engagement/{held.pk}/" in body
    assert AuditEvent.objects.filter(action="warn_due", record_id=str(untaken.pk)).exists()

    mail.outbox.clear()
    _tick(django_capture_on_commit_callbacks)
    assert _warnings() == []
    held.refresh_from_db()
    assert held.due_warning_sent_on == d("2026-12-01")
