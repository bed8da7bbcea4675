"""The demo county's year of cases covers every state a disclosure office meets."""

import pytest
import time_machine

from gongkai.applications import services
from gongkai.applications.ledger import Status
from gongkai.applications.models import Application
from gongkai.demo import data


@pytest.mark.django_db
def test_demo_cases_span_the_states():
    data.load()
    statuses = set(Application.objects.values_list("status", flat=True))
    assert {Status.IN_PROGRESS, Status.CLOSED} <= statuses
    assert Application.objects.filter(agency__name="某某县移民局").exists()
    assert Application.objects.exclude(outcome="").count() > 20
    for case in Application.objects.all()[:10]:
        assert case.events.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("day", ["2026-12-21", "2027-01-02", "2027-02-04", "2026-07-01"])
def test_the_demo_has_work_due_on_any_day(day):
    """`make run` on any day shows overdue and due-soon cases with real or provisional dates."""
    with time_machine.travel(f"{day} 10:00 +0800", tick=False):
        data.load()
        today = services.today()
        assert Application.objects.overdue(today).exists()
        assert Application.objects.due_within(5, today).exists()
    assert not Application.objects.due_unknown().exists()
    if day.startswith("2026-12"):
        assert Application.objects.due_provisional().exists()
