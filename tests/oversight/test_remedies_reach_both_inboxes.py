"""A remedy due within a week or overdue waits in the inbox of the agency that owes it; an
answered one waits for the 主管部门's re-check, and an overdue one shows in its inbox too. The
count is the number of rows the link lists."""

from datetime import timedelta

import pytest
from django.utils import timezone

from gongkai.oversight import rounds
from gongkai.oversight.models import Remedy
from gongkai.workbench.inbox import inbox_for
from tests.conftest import login, make_staff
from tests.oversight.round_makers import deduct, open_quarter, supervisor_of

pytestmark = pytest.mark.django_db


def _counts(user) -> dict[str, int]:
    entries = inbox_for(user, timezone.localdate())
    return {e.title: e.count for e in entries if e.count and e.source.area == "督查考核"}


def test_due_soon_overdue_and_answered_remedies(county, agency_a, agency_b):
    boss = supervisor_of(county)
    clerk_a, clerk_b = make_staff(agency_a, "clerk"), make_staff(agency_b, "clerk")
    round_ = open_quarter(county, [agency_a, agency_b], boss)
    later = deduct(round_, agency_a, boss).remedy  # due in 15 days: not yet in the inbox
    assert "整改任务即将到期或已逾期" not in _counts(clerk_a)
    Remedy.objects.filter(pk=later.pk).update(due_on=timezone.localdate() + timedelta(days=3))
    overdue = deduct(round_, agency_b, boss).remedy
    Remedy.objects.filter(pk=overdue.pk).update(due_on=timezone.localdate() - timedelta(days=1))

    assert _counts(clerk_a)["整改任务即将到期或已逾期"] == 1
    assert _counts(clerk_b)["整改任务即将到期或已逾期"] == 1
    assert _counts(boss) == {"下级机关逾期未整改": 1}

    rounds.answer(Remedy.objects.get(pk=later.pk), text="已整改。", file=None, user=clerk_a)
    assert "整改任务即将到期或已逾期" not in _counts(clerk_a)
    assert _counts(boss) == {"下级机关逾期未整改": 1, "整改情况待复核": 1}

    page = login(boss).get("/workbench/oversight/remedies/?queue=remedies_to_check")
    html = page.content.decode()
    assert page.status_code == 200 and f"/oversight/remedies/{later.pk}/" in html
    assert f"/oversight/remedies/{overdue.pk}/" not in html


def test_another_agency_does_not_see_the_remedy(county, agency_a, agency_b):
    boss = supervisor_of(county)
    remedy = deduct(open_quarter(county, [agency_a], boss), agency_a, boss).remedy
    outsider = make_staff(agency_b, "clerk")
    assert login(outsider).get(f"/workbench/oversight/remedies/{remedy.pk}/").status_code == 404
    screenshot = f"/workbench/oversight/deductions/{remedy.deduction.pk}/screenshot/"
    assert login(outsider).get(screenshot).status_code == 404
