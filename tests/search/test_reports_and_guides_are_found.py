"""Published annual reports and each agency's 政府信息公开指南 are found beside catalog items:
labelled with their 类型 (a facet), linked to their public page, indexed when published or
saved through the change queue, and rebuilt from the portal's source."""

import pytest
import time_machine
from django.urls import reverse

from gongkai.catalog import guides
from gongkai.catalog.search_feed import guide_key
from gongkai.portal.search_feed import PublicPagesSource
from gongkai.reports import services as reports
from gongkai.reports.search_feed import key_for
from gongkai.reports.workflow import REPORT_WORKFLOW
from gongkai.search import services
from gongkai.search.models import IndexChange
from tests.conftest import make_staff

from .conftest import search

pytestmark = pytest.mark.django_db(transaction=True)

# A heading of the report's HTML export (its title says none of it).
REPORT_HEADING = "主动公开政府信息情况"
GUIDE_PROSE = "本局在政务服务大厅设置政府信息公开查阅专区，提供自助查询终端。"


def _published_report(agency, county):
    leader = make_staff(agency, "leader")
    supervisor = make_staff(county, "supervisor")
    with time_machine.travel("2026-01-10 10:00 +0800", tick=False):
        report = reports.create_draft(agency, 2025, user=leader)
        for name, user in (("submit", leader), ("accept", supervisor), ("publish", leader)):
            report = REPORT_WORKFLOW.perform(report, name, {}, user=user)
    return report


def test_a_published_report_is_found_by_the_text_of_its_export(index, county, agency_a, client):
    leader = make_staff(agency_a, "leader")
    draft = reports.create_draft(agency_a, 2024, user=leader)
    report = _published_report(agency_a, county)
    assert not IndexChange.objects.filter(key=key_for(draft)).exists()
    assert IndexChange.objects.get(key=key_for(report)).processed_at is not None

    page = search(REPORT_HEADING, kind="report")
    assert [r.hit.key for r in page.results] == [key_for(report)]
    found = page.results[0]
    assert found.hit.title == f"{agency_a.name}2025年政府信息公开工作年度报告"
    assert found.kind_label == "年度报告"
    assert found.hit.url == reverse("annual_reports:detail", args=[report.pk])
    assert client.get(found.hit.url).status_code == 200
    assert ("report", "年度报告", 1) in search(REPORT_HEADING).facets["kind"]

    html = client.get("/search/", {"q": REPORT_HEADING}).content.decode()
    assert '<span class="badge">年度报告</span>' in html
    assert '<h2 id="facet-kind">类型</h2>' in html
    data = client.get("/api/public/search/", {"q": REPORT_HEADING, "kind": "report"}).json()
    assert [(r["kind"], r["kind_label"], r["url"]) for r in data["results"]] == [
        ("report", "年度报告", found.hit.url)
    ]


def test_a_saved_guide_is_found_and_follows_each_save(index, agency_a, client):
    admin = make_staff(agency_a, "agency_admin")
    guides.save_guide(user=admin, agency=agency_a, sections={"proactive": GUIDE_PROSE})
    page = search("公开查阅专区")
    assert [r.hit.key for r in page.results] == [guide_key(agency_a)]
    found = page.results[0]
    assert found.hit.title == f"{agency_a.name}政府信息公开指南"
    assert found.kind_label == "公开指南"
    assert found.hit.url == reverse("disclosure:guide", args=[agency_a.pk])
    # What the page itself says is found too, not only the agency's prose.
    assert search("信息处理费", kind="guide").total == 1
    assert "公开查阅专区" in client.get(found.hit.url).content.decode()

    guides.save_guide(user=admin, agency=agency_a, sections={"proactive": "另行通知。"})
    assert search('"公开查阅专区"').total == 0
    assert search("另行通知", kind="guide").total == 1


def test_a_rebuild_indexes_items_guides_and_published_reports(index, county, agency_a):
    report = _published_report(agency_a, county)
    services.reindex(PublicPagesSource())
    keys = {r.hit.key for r in search("政府信息公开", page_size=50).results}
    assert {key_for(report), guide_key(county), guide_key(agency_a)} <= keys


def test_the_kind_filter_is_offered_with_its_labels(index, client):
    html = client.get("/search/", {"q": "公开"}).content.decode()
    start = html.index('name="kind"')
    options = html[start : html.index("</select>", start)]
    for value, label in (("item", "政府信息"), ("report", "年度报告"), ("guide", "公开指南")):
        assert f'<option value="{value}">{label}</option>' in options
