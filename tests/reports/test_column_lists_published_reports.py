"""The 年报 tab of an agency's 政府信息公开 column lists its published reports."""

import time_machine
from django.urls import reverse

from gongkai.reports import services
from gongkai.reports.workflow import REPORT_WORKFLOW
from tests.conftest import make_staff


def test_a_published_report_appears_in_the_column(client, county, agency_a):
    leader = make_staff(agency_a, "leader")
    supervisor = make_staff(county, "supervisor")
    guide = client.get(reverse("disclosure:guide", args=[agency_a.pk])).content.decode()
    tab = reverse("annual_reports:agency", args=[agency_a.pk])
    assert f'href="{tab}"' in guide  # the column's 年报 tab

    empty = client.get(tab).content.decode()
    assert "暂无已公开的年度报告" in empty and 'aria-current="page">政府信息公开年报' in empty

    with time_machine.travel("2026-01-10 10:00 +0800", tick=False):
        report = services.create_draft(agency_a, 2025, user=leader)
        for name, user in (("submit", leader), ("accept", supervisor), ("publish", leader)):
            report = REPORT_WORKFLOW.perform(report, name, {}, user=user)

    listed = client.get(tab).content.decode()
    assert reverse("annual_reports:detail", args=[report.pk]) in listed
    assert str(report) in listed and "暂无已公开的年度报告" not in listed
    # The column's old address of the tab leads to the same list.
    old = client.get(f"/xxgk/agencies/{agency_a.pk}/reports/", follow=True)
    assert old.redirect_chain[-1][0] == tab
