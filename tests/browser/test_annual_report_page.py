"""The published annual report looks like the official format in a browser, and in its PDF."""

import shutil
import subprocess

import pytest
from playwright.sync_api import expect

from gongkai.reports import services
from gongkai.reports.exports import export
from tests.conftest import make_staff
from tests.reports.seed import seed_year

from .conftest import SCREENSHOTS, shot

pytestmark = pytest.mark.browser


@pytest.fixture
def published(county, agency_a):
    clerk = make_staff(agency_a, "clerk", "leader")
    seed_year(agency_a, 2025, cases=150)
    report = services.create_draft(agency_a, 2025, user=clerk)
    services.enter_figures(
        report, user=clerk, licensing="1200", punishment="35", coercion="4", fees="12.5"
    )
    services.submit(report, user=clerk)
    services.accept(report, user=make_staff(county, "supervisor"))
    return services.publish(report, user=clerk)


def test_the_portal_report_page_shows_the_official_tables(page, published):
    page.goto(f"{page.base}/reports/{published.pk}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("2025年政府信息公开工作年度报告")
    table3 = page.locator("table.report-t3")
    expect(table3.locator("caption")).to_have_text("三、收到和处理政府信息公开申请情况")
    expect(table3.locator("th", has_text="三、本年度办理结果")).to_have_attribute("rowspan", "22")
    expect(page.locator("svg.report-chart").first).to_be_visible()
    shot(page, "annual-report-portal")
    table3.scroll_into_view_if_needed()
    table3.screenshot(path=str(SCREENSHOTS / "annual-report-table3.png"))
    assert page.console_errors == []


def test_the_pdf_pages_render(published, tmp_path):
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm is not installed: apt-get install poppler-utils")
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(export(services.content_of(published), "pdf").data)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", str(pdf), str(SCREENSHOTS / "annual-report-pdf")],
        check=True,
    )
    assert sorted(SCREENSHOTS.glob("annual-report-pdf-*.png"))


def test_a_clerk_drafts_sees_the_checks_and_submits(page, agency_a):
    from tests.conftest import PASSWORD

    make_staff(agency_a, "clerk", "leader", username="report_clerk")
    seed_year(agency_a, 2025, cases=60)
    page.goto(page.base + "/account/login/")
    page.get_by_label("用户名").fill("report_clerk")
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/workbench/")
    page.get_by_role("navigation", name="工作台菜单").get_by_role(
        "link", name="年度报告", exact=True
    ).click()
    page.get_by_label("报告年度").fill("2025")
    page.get_by_role("button", name="创建草稿").click()
    expect(page.locator("#checks")).to_contain_text("全部勾稽关系成立")
    override = page.locator("form.override-form")
    override.get_by_label("单元格").select_option("t3.granted.total")
    override.get_by_label("更正为").fill("500")
    override.get_by_label("理由").fill("与纸质台账核对")
    override.get_by_role("button", name="登记更正").click()
    expect(page.locator("#checks")).to_contain_text("不能报送或公开")
    shot(page, "annual-report-editor-failing")
    page.get_by_role("button", name="报送主管部门").click()
    expect(page.locator(".message-error")).to_contain_text("勾稽关系不成立")
    page.get_by_role("button", name="撤销").click()
    page.get_by_role("button", name="报送主管部门").click()
    expect(page.locator(".page-head .badge")).to_have_text("已报送主管部门")
    assert page.console_errors == []
