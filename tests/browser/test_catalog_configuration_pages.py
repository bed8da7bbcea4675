"""In a real browser: an agency admin writes a guide section and previews it on the portal; a
系统管理员 adds and deactivates a topic. The pages work under the strict CSP."""

import pytest
from playwright.sync_api import expect

from gongkai.catalog.models import Genre, Topic
from gongkai.catalog.taxonomy import load_defaults
from tests.browser.conftest import shot
from tests.conftest import PASSWORD, make_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _login(page, username: str) -> None:
    page.goto(page.base + "/account/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/workbench/")


def test_agency_admin_writes_and_previews_the_guide(page, agency_a):
    make_staff(agency_a, "agency_admin", username="guide_admin")
    _login(page, "guide_admin")
    page.get_by_role("navigation", name="工作台菜单").get_by_role("link", name="公开指南").click()
    page.get_by_role("link", name=agency_a.display_name).click()
    page.get_by_label("收费说明").fill("本局依申请提供政府信息，至今未收取信息处理费。")
    page.get_by_role("button", name="保存").click()
    expect(page.get_by_text("公开指南已保存")).to_be_visible()
    shot(page, "catalog-guide-edit")

    with page.expect_popup() as popup:
        page.get_by_role("link", name="预览公开页面").click()
    portal = popup.value
    portal.wait_for_load_state()
    expect(portal.get_by_text("至今未收取信息处理费")).to_be_visible()
    expect(portal.get_by_text("更新日期")).to_be_visible()
    shot(portal, "catalog-guide-public")
    assert page.console_errors == []


def test_system_admin_adds_and_deactivates_a_topic(page, county):
    load_defaults(Topic, Genre)
    make_staff(county, "system_admin", username="taxonomy_admin")
    _login(page, "taxonomy_admin")
    page.get_by_role("navigation", name="工作台菜单").get_by_role("link", name="主题分类").click()
    add = page.locator("form.taxonomy-add")
    add.get_by_label("名称").fill("营商环境")
    add.get_by_label("上级分类").select_option(label="综合政务")
    add.get_by_role("button", name="添加").click()
    expect(page.get_by_text("已添加“营商环境”")).to_be_visible()

    topic = Topic.objects.get(name="营商环境")
    page.locator(f"tr:has(#name-{topic.pk})").get_by_role("button", name="停用").click()
    expect(page.get_by_text("已停用“营商环境”")).to_be_visible()
    shot(page, "catalog-topics")
    page.get_by_role("navigation", name="工作台菜单").get_by_role("link", name="体裁分类").click()
    shot(page, "catalog-genres")
    assert page.console_errors == []
