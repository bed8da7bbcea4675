"""An agency admin changes a channel's limits on the workbench; open messages are due by the
new limits at once; a complex limit shorter than the ordinary one is refused in Chinese."""

import pytest
from django.urls import reverse

from tests.applications.cases import d
from tests.conftest import login, make_staff
from tests.engagement.makers import channel_of, make_message

pytestmark = pytest.mark.django_db


def _form(**changes):
    return {
        "reply_workdays": 5,
        "complex_workdays": 10,
        "warn_workdays": 1,
        "max_extension_workdays": 15,
        "publish_by_default": "on",
        "is_open": "on",
    } | changes


def test_new_limits_move_open_deadlines(agency_a):
    admin = make_staff(agency_a, "agency_admin")
    message = make_message(agency_a, received_on=d("2026-11-30"))
    assert message.due_on == d("2026-12-03")
    response = login(admin).post(
        reverse("engagement:channel_edit", args=[channel_of(agency_a).pk]), _form(), follow=True
    )
    assert "已保存；1件在办留言的答复期限随之调整。" in response.content.decode()
    message.refresh_from_db()
    assert message.due_on == d("2026-12-07")


def test_a_shorter_complex_limit_is_refused(agency_a):
    admin = make_staff(agency_a, "agency_admin")
    response = login(admin).post(
        reverse("engagement:channel_edit", args=[channel_of(agency_a).pk]),
        _form(complex_workdays=2),
    )
    assert response.status_code == 400  # the form comes back with its reason
    assert "复杂事项的答复时限不能短于一般时限" in response.content.decode()


def test_a_clerk_reads_but_does_not_change(agency_a):
    clerk = make_staff(agency_a, "clerk")
    client = login(clerk)
    assert client.get(reverse("engagement:channels")).status_code == 200
    edit = reverse("engagement:channel_edit", args=[channel_of(agency_a).pk])
    assert client.post(edit, _form()).status_code in (403, 404)
    assert channel_of(agency_a).reply_workdays == 3
