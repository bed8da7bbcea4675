"""The 主管部门's dashboard: each agency's score in each of its rounds with a chart per agency,
the remedies still open (overdue ones marked), what the latest probe run found at each agency,
every row linking to the evidence; a department's staff have no dashboard."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from gongkai.oversight import rounds
from gongkai.oversight.models import Remedy
from tests.conftest import login, make_agency, make_staff
from tests.oversight.round_makers import deduct, open_quarter, supervisor_of

pytestmark = pytest.mark.django_db


def test_scores_across_rounds_open_remedies_and_latest_probes(county, agency_a, agency_b):
    boss = supervisor_of(county)
    first = open_quarter(county, [agency_a, agency_b], boss)
    rounds.close(first, user=boss)
    second = open_quarter(county, [agency_a], boss)
    second.title, second.period_end = "2027年第一季度政府网站检查", date(2027, 3, 31)
    second.save()
    late = deduct(second, agency_a, boss, reason="站内搜索无法使用。", indicator="D5.3", points="2")
    Remedy.objects.filter(pk=late.remedy.pk).update(due_on=timezone.localdate() - timedelta(1))
    other = make_agency("外县人民政府")  # not below the county

    response = login(boss).get("/workbench/oversight/dashboard/")
    assert response.status_code == 200
    trends = {t.agency: t for t in response.context["trends"]}
    assert set(trends) == {agency_a, agency_b}
    a_scores = [row.score.shown() if row else None for _, row in trends[agency_a].cells]
    b_scores = [row.score.shown() if row else None for _, row in trends[agency_b].cells]
    assert [r.title for r in response.context["rounds"]] == [first.title, second.title]
    # D5.3 loses all its 4 points, not the 2 deducted: the remedy is overdue.
    assert a_scores[1] == a_scores[0] - 4 and b_scores[1] is None
    html = response.content.decode()
    assert html.count("<svg") == 2 and "测试县甲局历次考核得分" in html
    assert "2027年03月" in trends[agency_a].chart

    [(remedy, overdue)] = response.context["remedies"]
    assert remedy == late.remedy and overdue
    assert f"/workbench/oversight/remedies/{remedy.pk}/" in html and "已逾期" in html

    run, probe_rows = response.context["run"], response.context["probe_rows"]
    assert run == second.probe_run
    assert {row.agency for row in probe_rows} == {agency_a, agency_b}
    assert f"/workbench/oversight/agencies/{agency_a.pk}/" in html
    assert other.name not in html


def test_a_department_has_no_dashboard(agency_a):
    assert (
        login(make_staff(agency_a, "clerk")).get("/workbench/oversight/dashboard/").status_code
        == 403
    )
