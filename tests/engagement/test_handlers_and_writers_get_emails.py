"""The agency's handlers get an e-mail when a message arrives (not when it is held as spam);
the writer who gave an address gets one when the reply has gone out, with the look-up page."""

import pytest
from django.core import mail

from gongkai.engagement import services
from tests.conftest import make_staff
from tests.engagement.makers import SPAM, make_message

pytestmark = pytest.mark.django_db(transaction=True)


def test_arrival_and_answer(agency_a):
    clerk = make_staff(agency_a, "clerk")
    clerk.email = "clerk@example.cn"
    clerk.save()
    message = make_message(agency_a, email="writer@example.cn")
    assert [m.to for m in mail.outbox] == [["clerk@example.cn"]]
    assert (
        "【政民互动】新咨询" in mail.outbox[0].subject
        and "答复期限 2026-12-04" in mail.outbox[0].body
    )

    make_message(agency_a, text=SPAM)
    assert len(mail.outbox) == 1

    message = services.accept(message, complex_case=False, user=clerk)
    services.reply(message, text="请携带户口簿。", user=clerk)
    answer = mail.outbox[-1]
    assert answer.to == ["writer@example.cn"] and "已答复" in answer.subject
    assert message.lookup_code_display in answer.body and "/hudong/lookup/" in answer.body
