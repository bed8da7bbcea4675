"""Every integrity scan is kept; the workbench's 发布内容完整性 page shows the latest scan's
findings for the user's own agency, with a link to the item, and a 主管部门 sees those of the
agencies below it, never a sibling's."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from gongkai.catalog import integrity_runs
from gongkai.catalog.models import ItemVersion
from gongkai.checks.models import IntegrityFinding, IntegrityScan
from tests.catalog.makers import Team, make_item
from tests.conftest import login, make_staff

pytestmark = pytest.mark.django_db


def _served(url: str) -> str:
    """The portal's page as a browser gets it, without a running server."""
    return Client().get(url.removeprefix("http://portal")).content.decode()


@pytest.fixture
def defaced(agency_a, agency_b):
    """One item of each agency published, agency A's defaced behind the review gate."""
    items = {}
    for agency in (agency_a, agency_b):
        team = Team(agency)
        items[agency] = team.publish(make_item(agency, team.clerk, title=f"{agency.name}的通知"))
    victim = items[agency_a]
    ItemVersion.objects.filter(pk=victim.published_version_id).update(body="篡改后的正文。")
    return items


def test_a_scan_is_kept_with_its_findings(defaced, agency_a, agency_b):
    run = integrity_runs.run("http://portal", fetch=_served)
    assert len(run.reports) == 2 and len(run.failed) == 1
    scan = IntegrityScan.objects.get()
    assert scan.pages_of(agency_a.pk) == 1 and scan.pages_of(agency_b.pk) == 1
    finding = IntegrityFinding.objects.get()
    assert finding.item == defaced[agency_a] and finding.agency == agency_a
    assert "与审查通过的版本不一致" in finding.problems[0]


def test_each_agency_sees_its_own_findings_and_the_supervisor_all_below(
    defaced, county, agency_a, agency_b
):
    integrity_runs.run("http://portal", fetch=_served)
    url = reverse("checks:integrity")
    victim = defaced[agency_a]

    page_a = login(make_staff(agency_a, "clerk")).get(url).content.decode()
    assert "与审查通过的版本不一致" in page_a
    assert reverse("review:item", args=[victim.pk]) in page_a
    assert "发布内容完整性" in page_a  # the menu entry

    page_b = login(make_staff(agency_b, "clerk")).get(url).content.decode()
    assert "未发现问题" in page_b and "与审查通过的版本不一致" not in page_b
    assert agency_a.name not in page_b

    supervisor = login(make_staff(county, "supervisor")).get(url).content.decode()
    assert reverse("review:item", args=[victim.pk]) in supervisor
    assert agency_a.name in supervisor and agency_b.name in supervisor

    sibling_supervisor = make_staff(agency_b, "supervisor")
    assert "与审查通过的版本不一致" not in login(sibling_supervisor).get(url).content.decode()


def test_only_the_latest_scan_is_shown(defaced, agency_a):
    integrity_runs.run("http://portal", fetch=_served)
    victim = defaced[agency_a]
    ItemVersion.objects.filter(pk=victim.published_version_id).update(
        body=victim.published_version.body
    )
    integrity_runs.run("http://portal", fetch=_served)
    page = login(make_staff(agency_a, "clerk")).get(reverse("checks:integrity")).content
    assert "未发现问题" in page.decode() and "与审查通过的版本不一致" not in page.decode()
    assert IntegrityScan.objects.count() == 2


def test_before_any_scan_the_page_says_how_to_schedule_one(agency_a):
    page = login(make_staff(agency_a, "clerk")).get(reverse("checks:integrity")).content
    assert "尚未进行过扫描" in page.decode() and "--scheduled" in page.decode()


@pytest.mark.django_db(transaction=True)
def test_a_scheduled_run_is_silent_when_all_pages_pass(agency_a, live_server):
    team = Team(agency_a)
    team.publish(make_item(agency_a, team.clerk))
    out, err = StringIO(), StringIO()
    call_command(
        "integrity", "scan", "--base-url", live_server.url, "--scheduled", stdout=out, stderr=err
    )
    assert out.getvalue() == "" and err.getvalue() == ""
    assert IntegrityScan.objects.get().scheduled
