"""Art. 26: publish within 20 working days of forming or changing. The due date follows the
holiday calendar, the workbench lists items due soon or overdue, and late publication is kept."""

from datetime import date

import pytest
from django.urls import reverse

from gongkai.review import services as review
from tests.catalog.makers import Team, make_item
from tests.conftest import login

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(agency_a):
    return Team(agency_a)


def test_due_date_counts_working_days_across_the_national_day_holiday(team):
    # 2025-09-28 (Sun) and 10-11 (Sat) are make-up working days; 10-01 to 10-08 are off.
    item = make_item(team.agency, team.clerk, formed_on=date(2025, 9, 26), written_on=None)
    assert item.publish_due == date(2025, 10, 30)


def test_the_workbench_lists_overdue_items(team):
    late = make_item(team.agency, team.clerk, title="逾期未公开的通知", formed_on=date(2025, 9, 26))
    make_item(team.agency, team.clerk, title="刚形成的通知", formed_on=date.today())
    page = login(team.clerk).get(reverse("review:due")).content.decode()
    assert "逾期未公开的通知" in page and "已逾期" in page
    assert "刚形成的通知" not in page
    assert late.publish_due.isoformat() in page


def test_late_publication_is_recorded(team):
    item = team.publish(make_item(team.agency, team.clerk, formed_on=date(2025, 9, 26)))
    assert item.published_late is True
    page = login(team.clerk).get(reverse("review:due")).content.decode()
    assert "近一年逾期公开的信息" in page and item.current_version.title in page


def test_timely_publication_is_not_late(team):
    item = team.publish(make_item(team.agency, team.clerk, formed_on=date.today()))
    assert item.published_late is False


def test_not_proactive_information_has_no_deadline(team):
    item = make_item(team.agency, team.clerk, attribute="on_application")
    assert item.publish_due is None
    with pytest.raises(Exception, match="不在门户公开"):
        team.publish(item)
    assert review.pending_review(item) is None
