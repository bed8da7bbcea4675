"""The workbench editor, the cell → records page, the supervisor's overview and the portal page."""

import io
import json
import re
from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse

from gongkai.reports import services
from gongkai.reports.models import AnnualReport, ReportStatus
from tests.conftest import login, make_staff

from .seed import seed_year

YEAR = 2025


@pytest.fixture
def clerk(agency_a):
    return make_staff(agency_a, "clerk", "leader")


@pytest.fixture
def report(agency_a, clerk):
    seed_year(agency_a, YEAR, cases=80)
    return services.create_draft(agency_a, YEAR, user=clerk)


def test_a_clerk_starts_a_draft_from_the_list(agency_a, clerk):
    response = login(clerk).post(reverse("reports:list"), {"agency": agency_a.pk, "year": YEAR})
    report = AnnualReport.objects.get(agency=agency_a, year=YEAR)
    assert response.url == reverse("reports:detail", args=[report.pk])


def test_bad_input_is_refused_in_chinese_and_keeps_the_draft(report, clerk):
    client = login(clerk)
    url = reverse("reports:detail", args=[report.pk])
    response = client.post(
        url,
        {"op": "figures", "licensing": "十二", "punishment": "", "coercion": "", "fees": ""},
        follow=True,
    )
    assert "行政许可处理决定数量须是非负整数" in response.content.decode()
    response = client.post(
        url,
        {"op": "sections", "overview": "新写的总体情况", "problems": "问题", "other_matters": ""},
    )
    report.refresh_from_db()
    assert report.overview == "新写的总体情况"


def test_the_editor_links_every_generated_number_to_its_records(report, clerk):
    body = login(clerk).get(reverse("reports:detail", args=[report.pk])).content.decode()
    assert "检查结果：全部勾稽关系成立" in body
    links = re.findall(r'href="([^"]+/cell/\?cell=t3\.new_received\.total)"', body)
    assert links
    page = login(clerk).get(links[0]).content.decode()
    total = report.figures["table3"]["new_received"]["total"]
    assert f"按当前记录计算共 {total} 条" in page
    assert page.count("YSQ-") == total


def test_an_override_that_breaks_an_identity_shows_at_once_and_blocks_submission(report, clerk):
    client = login(clerk)
    url = reverse("reports:detail", args=[report.pk])
    client.post(
        url,
        {"op": "override", "cell": "t4.reconsideration.total", "value": "50", "reason": "法院数据"},
    )
    body = client.get(url).content.decode()
    # The broken identity is named in words: the 表四 group and its sums.
    assert "表四 行政复议：结果维持、结果纠正、其他结果、尚未审结之和为" in body
    assert "不能报送或公开" in body
    body = client.post(url, {"op": "submit"}, follow=True).content.decode()
    assert "勾稽关系不成立，不能报送" in body
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT


def test_the_supervisor_sees_missing_late_and_failing_reports(county, agency_a, agency_b, report):
    supervisor = make_staff(county, "supervisor")
    body = login(supervisor).get(reverse("reports:supervision") + f"?year={YEAR}").content.decode()
    assert agency_a.name in body and agency_b.name in body
    # Today is after 31 January of the next year, so agency B's missing report is late.
    if date.today() > date(YEAR + 1, 1, 31):
        assert "已逾期未报" in body
    assert "本级及部门汇总" in body
    rollup = login(supervisor).get(reverse("reports:rollup", args=[county.pk]) + f"?year={YEAR}")
    assert rollup.status_code == 200
    assert str(report.figures["table3"]["new_received"]["total"]) in rollup.content.decode()


@pytest.fixture
def published(report, clerk, county):
    services.submit(report, user=clerk)
    services.accept(report, user=make_staff(county, "supervisor"))
    return services.publish(report, user=clerk)


def test_the_portal_page_lays_the_tables_out_accessibly(client, published):
    response = client.get(reverse("annual_reports:detail", args=[published.pk]))
    body = response.content.decode()
    assert "<caption>三、收到和处理政府信息公开申请情况</caption>" in body
    assert 'rowspan="22"' in body  # 三、本年度办理结果 over the 2021 rows
    assert 'scope="colgroup"' in body and 'scope="row"' in body
    assert (
        'headers="t3-results t3-g-denied_state_secret t3-r-denied_state_secret t3-c-natural_person"'
        in body
    )
    assert "<svg" in body and "历年新收政府信息公开申请数量" in body
    for kind in ("pdf", "docx", "xlsx", "html"):
        download = client.get(
            reverse("annual_reports:download", args=[published.pk]) + f"?as={kind}"
        )
        assert download.status_code == 200 and len(download.content) > 1000


def test_the_portal_page_reads_back_through_the_report_audit(client, published, tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(client.get(reverse("annual_reports:detail", args=[published.pk])).content)
    out = io.StringIO()
    call_command("report", "audit", str(path), "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert data["table3"] == published.published_content["figures"]["table3"]
    assert data["table4"] == published.published_content["figures"]["table4"]
    assert not [i for i in data["inconsistencies"] if i["rule"].startswith("t")]


def test_drafts_are_not_on_the_portal(client, report):
    assert client.get(reverse("annual_reports:detail", args=[report.pk])).status_code == 404
    assert report.agency.name not in client.get(reverse("annual_reports:list")).content.decode()
