"""In a real browser: the county's 主管部门 opens 督查考核自查, sees a department vetoed beside a
clean one, opens the department's self-check with what would fail, the evidence and the link
to fix it; the department's clerk sees the same findings on a 375 px phone, without the page
scrolling sideways."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import shot
from tests.conftest import PASSWORD, make_staff
from tests.oversight.makers import make_clean, make_problems

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 800}


def _login(page, username: str) -> None:
    page.goto(page.base + "/account/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/workbench/")


def _fits(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], width


def test_supervisor_and_agency_see_the_same_findings(
    browser, live_server, county, agency_a, agency_b
):
    make_problems(agency_a)
    make_clean(agency_b)
    make_staff(county, "supervisor", username="county_inspector")
    make_staff(agency_a, "clerk", "agency_admin", username="dept_clerk")

    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 860})
    page = context.new_page()
    page.base = live_server.url
    errors = []
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    _login(page, "county_inspector")
    menu = page.get_by_role("navigation", name="工作台菜单")
    menu.get_by_role("link", name="督查考核自查").click()
    table = page.locator("#standing-table")
    expect(table.locator("tr", has_text=agency_a.display_name)).to_contain_text("单项否决")
    expect(table.locator("tr", has_text=agency_b.display_name)).to_contain_text("合格")
    shot(page, "oversight-supervisor-table")
    table.get_by_role("link", name=agency_a.display_name).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("自查")
    expect(page.locator(".finding-veto").first).to_contain_text("单项否决")
    supervisor_findings = page.locator(".finding").all_inner_texts()
    shot(page, "oversight-self-check-desktop")
    context.close()

    phone = browser.new_context(locale="zh-CN", viewport=PHONE, is_mobile=True)
    page = phone.new_page()
    page.base = live_server.url
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    _login(page, "dept_clerk")
    page.goto(f"{live_server.url}/workbench/oversight/agencies/{agency_a.pk}/")
    expect(page.get_by_text("四个月前的咨询").first).to_be_visible()
    assert page.locator(".finding").all_inner_texts() == supervisor_findings
    _fits(page)
    shot(page, "oversight-self-check-phone")
    fix = page.locator(".finding", has_text="空白栏目").get_by_role("link", name="去整改").first
    fix.click()
    expect(page.get_by_label("情况说明")).to_be_visible()
    phone.close()
    assert errors == []
