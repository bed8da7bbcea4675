"""In a real browser: the county's 主管部门 opens a quarterly round, adds a manual deduction
with a screenshot; the department's clerk, on a 375 px phone, finds the remedy on its
self-check page and answers it; the 主管部门 re-checks it from the inbox, closes the round,
drafts the 通报, takes its PDF and sends it to publication, and reads the dashboard; the
department's self-check page shows the same findings as the round."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import SCREENSHOTS, shot
from tests.catalog.files import png_bytes
from tests.conftest import PASSWORD, make_staff
from tests.oversight.makers import make_problems

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 800}
DESKTOP = {"width": 1280, "height": 860}


def _login(page, username: str) -> None:
    page.goto(page.base + "/account/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/workbench/")


def _fits(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], width


def _session(browser, live_server, username, viewport, errors):
    context = browser.new_context(locale="zh-CN", viewport=viewport, is_mobile=viewport == PHONE)
    page = context.new_page()
    page.base = live_server.url
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    _login(page, username)
    return context, page


def test_round_from_opening_to_the_circular(browser, live_server, county, agency_a, agency_b):
    make_problems(agency_a)
    make_staff(county, "supervisor", "clerk", username="county_inspector")
    make_staff(agency_a, "clerk", username="dept_clerk")
    picture = SCREENSHOTS.parent / "oversight-evidence.png"
    picture.parent.mkdir(parents=True, exist_ok=True)
    picture.write_bytes(png_bytes())
    errors: list[str] = []

    boss, page = _session(browser, live_server, "county_inspector", DESKTOP, errors)
    page.get_by_role("navigation", name="工作台菜单").get_by_role("link", name="考核轮次").click()
    page.get_by_role("link", name="发起考核").click()
    page.get_by_label("名称").fill("2026年第四季度政府网站检查")
    page.get_by_label("周期").select_option(label="季度")
    page.get_by_label("考核期起").fill("2026-10-01")
    page.get_by_label("考核期止").fill("2026-12-31")
    page.get_by_label("指标体系").select_option(label="政府网站检查指标（2019年）（第1版）")
    page.get_by_label(agency_a.name).check()
    page.get_by_label(agency_b.name).check()
    page.get_by_role("button", name="发起考核").click()
    expect(page.locator("#round-status")).to_have_text("进行中")
    results = page.locator("#result-table")
    expect(results.locator("tr", has_text=agency_a.display_name)).to_contain_text("单项否决")

    form = page.locator("#transition-deduct")
    form.get_by_label("被考核机关").select_option(label=agency_a.name)
    form.get_by_label("指标").select_option(value="D5.2")
    form.get_by_label("分值").fill("1")
    form.get_by_label("扣分理由").fill("首页底部缺少网站标识码。")
    form.get_by_label("证据网址").fill("https://example.gov.cn/")
    form.get_by_label("截图").set_input_files(str(picture))
    form.get_by_role("button", name="录入人工评分").click()
    expect(page.locator(".messages, [role=status]").first).to_contain_text("整改任务")
    deductions = page.locator("#deduction-table")
    expect(deductions).to_contain_text("首页底部缺少网站标识码")
    expect(deductions.get_by_role("link", name="截图")).to_be_visible()
    shot(page, "oversight-round-desktop")

    phone, mobile = _session(browser, live_server, "dept_clerk", PHONE, errors)
    mobile.goto(f"{live_server.url}/workbench/oversight/agencies/{agency_a.pk}/")
    remedies = mobile.locator("#remedy-findings")
    expect(remedies).to_contain_text("首页底部缺少网站标识码")
    _fits(mobile)
    shot(mobile, "oversight-remedy-on-self-check-phone")
    remedies.get_by_role("link", name="待整改").click()
    mobile.get_by_label("整改情况").fill("已在首页底部加上网站标识码。")
    mobile.get_by_role("button", name="报送整改情况").click()
    expect(mobile.locator("#remedy-status")).to_have_text("待复核")
    _fits(mobile)
    shot(mobile, "oversight-remedy-answered-phone")

    page.goto(f"{live_server.url}/workbench/")
    page.get_by_role("link", name="整改情况待复核").click()
    page.locator("#remedy-table").get_by_role("link").first.click()
    expect(page.locator("#remedy-answer")).to_contain_text("已在首页底部加上网站标识码")
    page.locator("#transition-accept").get_by_role("button", name="复核通过").click()
    expect(page.locator("#remedy-status")).to_have_text("整改到位")
    page.get_by_role("link", name="2026年第四季度政府网站检查").click()
    page.get_by_role("button", name="结束考核").click()
    expect(page.locator("#round-status")).to_have_text("已结束")
    page.get_by_role("button", name="起草通报").click()
    body = page.locator("#circular-body")
    expect(body).to_contain_text("以下单位考核不合格")
    expect(body).to_contain_text(agency_a.name)
    pdf = page.request.get(page.base + page.locator("#circular-pdf").get_attribute("href"))
    assert pdf.ok and pdf.body().startswith(b"%PDF-")
    page.get_by_role("button", name="送审公开").click()
    expect(page.locator("#circular-status")).to_have_text("已送审公开")
    shot(page, "oversight-circular-desktop")
    page.goto(f"{live_server.url}/workbench/oversight/agencies/{agency_a.pk}/")
    supervisor_findings = page.locator(".finding").all_inner_texts()

    page.get_by_role("navigation", name="工作台菜单").get_by_role(
        "link", name="督查考核总览"
    ).click()
    expect(page.locator("#trend-table")).to_contain_text(agency_a.display_name)
    expect(page.locator("#trend-charts svg").first).to_be_visible()
    shot(page, "oversight-dashboard-desktop")
    page.set_viewport_size(PHONE)
    _fits(page)
    shot(page, "oversight-dashboard-phone")
    boss.close()

    mobile.goto(f"{live_server.url}/workbench/oversight/agencies/{agency_a.pk}/")
    assert mobile.locator(".finding").all_inner_texts() == supervisor_findings
    expect(mobile.locator("#remedy-findings")).to_contain_text("整改到位")
    _fits(mobile)
    shot(mobile, "oversight-self-check-after-round-phone")
    phone.close()
    assert errors == []
