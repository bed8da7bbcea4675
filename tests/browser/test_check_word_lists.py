"""A system admin adds a spam brand on the word-list page and the check page finds it at once."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import shot
from tests.conftest import PASSWORD, make_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_system_admin_adds_a_brand_and_the_checks_use_it(page, county):
    make_staff(county, "system_admin", username="lists_admin", full_name="王管理")
    page.goto(page.base + "/account/login/")
    page.get_by_label("用户名").fill("lists_admin")
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/workbench/")

    page.get_by_role("navigation", name="工作台菜单").get_by_role("link", name="检查词表").click()
    shot(page, "checks-word-lists")
    page.get_by_role("link", name="垃圾信息：博彩、色情站点品牌").click()
    expect(page.get_by_role("heading", name="基础词表（44 条，只读）")).to_be_visible()

    page.get_by_role("textbox", name="条目").fill("赌")
    page.get_by_role("button", name="添加").click()
    expect(page.get_by_role("alert")).to_contain_text("词语至少两个字")

    page.get_by_role("textbox", name="条目").fill("金冠国际")
    page.get_by_label("备注").fill("本县网站首页被植入")
    page.get_by_role("button", name="添加").click()
    expect(page.locator(".word-list-additions")).to_contain_text("金冠国际")
    shot(page, "checks-word-list-brands")

    page.goto(page.base + "/workbench/checks/")
    page.get_by_label("或粘贴文字").fill("欢迎访问。金冠国际官网，注册有礼。")
    page.get_by_role("button", name="检查", exact=True).click()
    expect(page.locator(".finding-list")).to_contain_text("金冠国际")

    page.goto(page.base + "/workbench/checks/lists/list/?name=spam_injection.brands")
    page.get_by_role("link", name="修改、停用与历史").click()
    page.get_by_role("button", name="停用此条目").click()
    expect(page.locator(".entry-history")).to_contain_text("王管理")
    shot(page, "checks-word-list-entry")
    # The refused entry is answered 400 Bad Request, which the browser logs; nothing else.
    assert [e for e in page.console_errors if "status of 400" not in e] == []
