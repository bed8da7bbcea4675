"""Who takes a message up handles it (or names another handler of the agency): the 我的 tab and
the inbox list each handler's open messages; the 按承办机构 tab lists a unit's open messages,
the user's own units unless another is chosen."""

import pytest
from django.urls import reverse

from gongkai.agencies.models import InternalUnit, Membership
from gongkai.engagement import services
from gongkai.engagement.workflow import MESSAGE_WORKFLOW
from gongkai.lib.errors import Refused
from tests.conftest import login, make_staff
from tests.engagement.makers import make_message

pytestmark = pytest.mark.django_db


def _listed(user, **params) -> set[int]:
    response = login(user).get(reverse("engagement:list"), params)
    assert response.status_code == 200
    return {row.pk for row in response.context["object_list"]}


def test_the_one_who_takes_it_up_or_is_named_handles_it(agency_a, agency_b):
    clerk = make_staff(agency_a, "clerk", full_name="陈小燕")
    other = make_staff(agency_a, "clerk", full_name="杨光")
    mine = services.accept(make_message(agency_a), complex_case=False, user=clerk)
    named = MESSAGE_WORKFLOW.perform(
        make_message(agency_a, subject="转给杨光"),
        "accept",
        {"handler": other.pk},
        user=clerk,
    )
    make_message(agency_a, subject="尚未受理")
    assert mine.handler == clerk and named.handler == other
    assert _listed(clerk, queue="messages_mine") == {mine.pk}
    assert _listed(other, queue="messages_mine") == {named.pk}
    # Once answered it leaves the tab.
    services.reply(named, text="答复。", user=other)
    assert _listed(other, queue="messages_mine") == set()
    outsider = make_staff(agency_b, "clerk")
    with pytest.raises(Refused, match="不能办理"):
        services.accept(make_message(agency_a), complex_case=False, handler=outsider, user=clerk)


def test_the_handler_field_offers_only_the_agencys_handlers(agency_a, agency_b):
    clerk = make_staff(agency_a, "clerk")
    reviewer = make_staff(agency_a, "reviewer")
    outsider = make_staff(agency_b, "clerk")
    form = MESSAGE_WORKFLOW.form("accept", make_message(agency_a))
    offered = set(form.fields["handler"].queryset)
    assert clerk in offered and reviewer not in offered and outsider not in offered


def test_a_unit_sees_its_open_messages(agency_a):
    office = InternalUnit.objects.create(agency=agency_a, name="办公室")
    policy = InternalUnit.objects.create(agency=agency_a, name="政策法规股")
    clerk = make_staff(agency_a, "clerk")
    Membership.objects.filter(user=clerk).update(unit=office)
    at_office = make_message(agency_a, subject="办公室的")
    services.transfer(at_office, reason="由办公室办理", unit=office, user=clerk)
    at_policy = make_message(agency_a, subject="政策法规股的")
    services.transfer(at_policy, reason="由法规股办理", unit=policy, user=clerk)
    assert _listed(clerk, queue="messages_unit") == {at_office.pk}
    assert _listed(clerk, queue="messages_unit", unit=policy.pk) == {at_policy.pk}
    page = login(clerk).get(reverse("engagement:list"), {"queue": "messages_unit"})
    assert 'id="unit-filter"' in page.content.decode()
