"""A county supervisor finds a department; its admin corrects the phone number; a clerk sees
only what a clerk needs. Keyboard use, mobile layout and the CSP hold throughout."""

import re

import pytest
from playwright.sync_api import expect

from gongkai.agencies.models import Agency
from gongkai.demo import data
from tests.browser.conftest import shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db):
    data.load()


def _login(page, username):
    page.goto(page.base + "/account/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(data.DEMO_PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/workbench/")


def test_supervisor_finds_and_department_admin_corrects(page, demo):
    page.goto(page.base + "/")
    assert page.get_by_role("heading", name="政府信息公开").is_visible()
    assert page.get_by_role("link", name="某某县人民政府").first.is_visible()
    shot(page, "portal-home")

    page.get_by_role("link", name="工作人员登录").click()
    assert page.get_by_role("heading", name="工作人员登录").is_visible()
    shot(page, "login")

    page.get_by_label("用户名").fill("county_supervisor")
    page.get_by_label("密码").fill(data.DEMO_PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/workbench/")
    menu = page.get_by_role("navigation", name="工作台菜单")
    for entry in ("工作台首页", "机关信息", "人员与角色", "审计日志"):
        assert menu.get_by_role("link", name=entry).is_visible()
    shot(page, "workbench-home")

    menu.get_by_role("link", name="机关信息").click()
    # htmx is a deferred script: it binds the filter only once the page has loaded.
    page.wait_for_load_state()
    rows = page.locator("#agency-results tbody tr")
    expect(rows).to_have_count(Agency.objects.count())
    page.get_by_label("名称或信用代码").fill("民政局")
    # htmx swaps the results in place after the typing pause.
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("某某县民政局")
    # The search is in the address bar, so it can be bookmarked and the back button works.
    expect(page).to_have_url(re.compile(r"q=%E6%B0%91%E6%94%BF%E5%B1%80"))
    shot(page, "workbench-agency-search")
    page.get_by_role("link", name="某某县民政局").click()
    assert page.get_by_role("heading", name="某某县民政局").is_visible()
    # Supervision reads; it does not edit.
    assert page.get_by_role("link", name="编辑").count() == 0
    page.get_by_role("button", name="退出").click()

    _login(page, "mz_admin")
    page.get_by_role("navigation", name="工作台菜单").get_by_role("link", name="机关信息").click()
    page.get_by_role("link", name="某某县民政局").click()
    page.get_by_role("link", name="编辑").click()
    page.get_by_label("联系电话").fill("0878-5200001")
    page.get_by_role("button", name="保存").click()
    assert page.get_by_text("已保存“某某县民政局”的信息。").is_visible()
    assert Agency.objects.get(name="某某县民政局").phone == "0878-5200001"
    shot(page, "workbench-agency")

    page.get_by_role("link", name="审计日志").click()
    expect(page.get_by_text("吴晓梅（mz_admin）").first).to_be_visible()
    assert page.console_errors == []


def test_clerk_sees_a_clerks_menu(page, demo):
    _login(page, "mz_clerk")
    menu = page.get_by_role("navigation", name="工作台菜单")
    assert menu.get_by_role("link", name="机关信息").is_visible()
    assert menu.get_by_role("link", name="人员与角色").count() == 0
    assert menu.get_by_role("link", name="审计日志").count() == 0


def test_keyboard_only_login(page, demo):
    page.goto(page.base + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "跳到正文"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    page.get_by_role("link", name="工作人员登录").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/account/login/")
    # The login page puts the cursor in the user name field.
    expect(page.get_by_label("用户名")).to_be_focused()
    page.keyboard.type("county_admin")
    page.keyboard.press("Tab")
    page.keyboard.type(data.DEMO_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/workbench/")


def test_phone_layout_has_no_sideways_scroll(page, demo):
    page.set_viewport_size({"width": 375, "height": 740})
    for path in ("/", "/agencies/"):
        page.goto(page.base + path)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, path
    shot(page, "portal-home-phone")
    _login(page, "county_admin")
    shot(page, "workbench-home-phone")
    assert page.console_errors == []
