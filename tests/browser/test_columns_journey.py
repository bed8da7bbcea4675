"""In a real browser: an agency admin finds a stale column on 网站栏目, adds an empty column with
its 情况说明, and the portal's disclosure page shows the columns with their last update and the
explanation; both pages fit a 375 px phone."""

from datetime import date

import pytest
from playwright.sync_api import expect

from gongkai.catalog.models import Genre, Topic
from gongkai.catalog.taxonomy import load_defaults
from tests.browser.conftest import shot
from tests.catalog.makers import Team
from tests.columns.makers import make_column, publish_on
from tests.conftest import PASSWORD, make_staff

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


def test_admin_sees_the_stale_column_and_explains_an_empty_one(page, agency_a):
    load_defaults(Topic, Genre)
    make_column(agency_a, "统计信息", genre="统计数据")
    publish_on(Team(agency_a), "统计数据", date(2026, 11, 1))
    make_staff(agency_a, "agency_admin", username="column_admin")
    _login(page, "column_admin")
    page.get_by_role("navigation", name="工作台菜单").get_by_role("link", name="网站栏目").click()
    stale = page.locator("#column-table tr", has_text="统计信息")
    expect(stale).to_contain_text("已超期未更新")
    expect(stale).to_contain_text("2026-11-15")
    page.get_by_role("link", name="即将超期、已超期或空白").click()
    expect(page.locator("#column-table")).to_contain_text("统计信息")
    shot(page, "columns-workbench")

    page.get_by_role("link", name="新增栏目").click()
    page.get_by_label("栏目名称").fill("行政事业性收费")
    page.get_by_label("栏目类型").select_option(label="其他")
    page.get_by_label("情况说明").fill("本局无行政事业性收费项目。")
    page.get_by_role("button", name="保存").click()
    expect(page.get_by_text("栏目已保存")).to_be_visible()
    row = page.locator("#column-table tr", has_text="行政事业性收费")
    expect(row).to_contain_text("暂无信息（已作情况说明）")
    expect(row).to_contain_text("183天")
    page.set_viewport_size(PHONE)
    shot(page, "columns-workbench-phone")

    page.goto(f"{page.base}/xxgk/agencies/{agency_a.pk}/")
    columns = page.locator("#agency-columns")
    expect(columns).to_contain_text("最近更新：2026-11-01")
    expect(columns).to_contain_text("本局无行政事业性收费项目。")
    _fits(page)
    shot(page, "columns-portal-phone")
    assert page.console_errors == []
