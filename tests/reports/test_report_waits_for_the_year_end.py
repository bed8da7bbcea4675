"""A report for the current year can be drafted but not submitted, accepted or published before
31 December has passed: its text says its figures run to the end of the year."""

import pytest
import time_machine

from gongkai.lib.errors import Refused
from gongkai.reports import services
from gongkai.reports.workflow import REPORT_WORKFLOW
from tests.conftest import make_staff


def test_the_current_year_is_refused_until_it_is_over(county, agency_a):
    leader = make_staff(agency_a, "leader")
    supervisor = make_staff(county, "supervisor")
    with time_machine.travel("2026-12-31 16:00 +0800", tick=False):
        report = services.create_draft(agency_a, 2026, user=leader)
        assert "submit" not in REPORT_WORKFLOW.available(report, leader)
        with pytest.raises(Refused, match=r"2026年度尚未结束.*2027年1月1日起方可报送"):
            REPORT_WORKFLOW.perform(report, "submit", {}, user=leader)
    with time_machine.travel("2027-01-01 09:00 +0800", tick=False):
        assert "submit" in REPORT_WORKFLOW.available(report, leader)
        REPORT_WORKFLOW.perform(report, "submit", {}, user=leader)
        REPORT_WORKFLOW.perform(report, "accept", {}, user=supervisor)
        report = REPORT_WORKFLOW.perform(report, "publish", {}, user=leader)
    assert report.status == "published"
