"""A clerk logs in and finds the inbox first on the workbench home: the overdue cases and the
new ones nobody handles yet, counted; following a link opens the case list showing exactly those
cases. The page fits a 375 px phone."""

import pytest
from playwright.sync_api import expect

from tests.applications.cases import make_case
from tests.browser.conftest import shot
from tests.conftest import PASSWORD, make_agency, make_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def clerk(transactional_db):
    county = make_agency("测试县人民政府")
    agency = make_agency("测试县民政局", county)
    clerk = make_staff(agency, "clerk", username="inbox_clerk", full_name="陈小燕")
    for _ in range(2):
        make_case(agency, "2026-10-09", user=clerk)
    make_case(agency, "2026-11-30", applicant_name="李四")
    return clerk


def test_clerk_follows_the_inbox_to_the_overdue_cases(page, clerk):
    page.goto(page.base + "/account/login/")
    page.get_by_label("用户名").fill("inbox_clerk")
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/workbench/")

    inbox = page.get_by_role("region", name="待办事项")
    expect(inbox.get_by_role("heading", name="依申请公开")).to_be_visible()
    overdue = inbox.get_by_role("link", name="2 已超期未答复的申请")
    expect(overdue).to_be_visible()
    expect(inbox.get_by_role("link", name="1 新收到、尚未分办的申请")).to_be_visible()
    shot(page, "inbox-desktop")

    page.set_viewport_size({"width": 375, "height": 740})
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    shot(page, "inbox-phone")

    overdue.click()
    page.wait_for_url("**/workbench/cases/?queue=overdue")
    expect(page.get_by_role("table").locator("caption")).to_have_text("已超期（2 件）")
    expect(page.get_by_role("table").get_by_text("已超期", exact=True)).to_have_count(2)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    shot(page, "inbox-overdue-list-phone")
    assert page.console_errors == []
