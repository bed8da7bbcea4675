"""An agency admin switches a clerk's account off, then finds in the audit log every row that
one save wrote, through the 「同一操作」 link; the page fits a phone."""

import pytest
from playwright.sync_api import expect

from gongkai.accounts.models import User
from gongkai.core.models import AuditEvent
from gongkai.demo import data
from tests.browser.conftest import shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db):
    data.load()


def test_the_rows_of_one_save_are_found_together(page, demo):
    page.goto(page.base + "/account/login/")
    page.get_by_label("用户名").fill("mz_admin")
    page.get_by_label("密码").fill(data.DEMO_PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/workbench/")

    clerk = User.objects.get(username="mz_clerk")
    page.goto(page.base + f"/workbench/staff/{clerk.pk}/edit/")
    page.get_by_label("审查人").check()
    page.get_by_label("账号在用").uncheck()
    page.get_by_role("button", name="保存").click()
    page.wait_for_url("**/workbench/staff/")

    page.get_by_role("navigation", name="工作台菜单").get_by_role("link", name="审计日志").click()
    same = page.get_by_role("link", name="同一操作（3 条）").first
    expect(same).to_be_visible()
    shot(page, "workbench-audit-log")
    same.click()

    rows = page.locator("table.audit tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.filter(has_text="停用账号")).to_have_count(1)
    saved = AuditEvent.objects.filter(action="deactivate", record_id=str(clerk.pk)).get()
    assert AuditEvent.objects.filter(correlation_id=saved.correlation_id).count() == 3
    expect(page.get_by_label("同一操作")).to_have_value(saved.correlation_id)
    shot(page, "workbench-audit-log-one-action")

    page.set_viewport_size({"width": 375, "height": 740})
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    shot(page, "workbench-audit-log-one-action-phone")
    assert page.console_errors == []
