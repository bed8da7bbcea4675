"""A transfer to another unit keeps the clock; to another agency it starts again there on the
day of transfer, or keeps counting, as the deployment sets it. An extension is asked once,
before the deadline, within the channel's maximum, and its reason is shown to the writer."""

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.agencies.models import InternalUnit
from gongkai.engagement.models import MessageStatus
from gongkai.engagement.workflow import MESSAGE_WORKFLOW
from gongkai.lib.errors import Refused
from tests.applications.cases import d
from tests.conftest import make_staff
from tests.engagement.makers import channel_of, make_message

pytestmark = pytest.mark.django_db


def _perform(message, name, user, **data):
    return MESSAGE_WORKFLOW.perform(message, name, data, user=user)


@pytest.mark.parametrize(
    ("restarts", "received", "due"),
    [(True, "2026-12-01", "2026-12-04"), (False, "2026-11-27", "2026-12-02")],
)
def test_transfer_to_another_agency(agency_a, agency_b, settings, restarts, received, due):
    settings.GONGKAI_MESSAGE_TRANSFER_RESTARTS_CLOCK = restarts
    clerk = make_staff(agency_a, "clerk")
    message = make_message(agency_a, received_on=d("2026-11-27"))
    message = _perform(message, "transfer", clerk, agency=agency_b.pk, reason="属乙局职责")
    assert message.agency == agency_b and message.channel == channel_of(agency_b)
    assert message.status == MessageStatus.RECEIVED
    assert (message.received_on, message.due_on) == (d(received), d(due))


def test_transfer_to_a_unit_keeps_the_clock(agency_a, agency_b):
    clerk = make_staff(agency_a, "clerk")
    unit = InternalUnit.objects.create(agency=agency_a, name="社会救助股")
    message = make_message(agency_a, received_on=d("2026-11-27"))
    message = _perform(message, "transfer", clerk, unit=unit.pk, reason="由社会救助股办理")
    assert (message.agency, message.unit, message.due_on) == (agency_a, unit, d("2026-12-02"))
    other_unit = InternalUnit.objects.create(agency=agency_b, name="乙局办公室")
    with pytest.raises(Refused, match="选择一个有效的选项"):
        _perform(message, "transfer", clerk, unit=other_unit.pk, reason="转错")


def test_transfer_to_an_agency_whose_channel_is_closed(agency_a, agency_b):
    closed = channel_of(agency_b)
    closed.is_open = False
    closed.save()
    clerk = make_staff(agency_a, "clerk")
    with pytest.raises(Refused, match="测试县乙局没有开放“咨询”渠道"):
        _perform(make_message(agency_a), "transfer", clerk, agency=agency_b.pk, reason="属乙局")


def test_an_extension_once_before_the_deadline(agency_a):
    clerk = make_staff(agency_a, "clerk")
    message = _perform(make_message(agency_a, received_on=d("2026-11-30")), "accept", clerk)
    with pytest.raises(Refused, match="延期须为1至15个工作日"):
        _perform(message, "extend", clerk, workdays=16, reason="需调查")
    message = _perform(message, "extend", clerk, workdays=5, reason="需要现场核实")
    assert message.due_on == d("2026-12-10")
    with pytest.raises(Refused, match="每件留言只能延期一次"):
        _perform(message, "extend", clerk, workdays=1, reason="再延")
    page = (
        Client()
        .post(
            reverse("engage:lookup"), {"lookup_code": message.lookup_code, "contact": message.phone}
        )
        .content.decode()
    )
    assert "延长5个工作日，理由：需要现场核实" in page


def test_no_extension_after_the_deadline(agency_a):
    clerk = make_staff(agency_a, "clerk")
    late = _perform(make_message(agency_a, received_on=d("2026-11-20")), "accept", clerk)
    with pytest.raises(Refused, match=r"答复期限（2026-11-25）已过"):
        _perform(late, "extend", clerk, workdays=3, reason="来不及")
