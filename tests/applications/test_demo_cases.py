"""The demo county's year of cases covers every state a disclosure office meets."""

import pytest

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
