"""What a visitor over the submission limit sees (the form kept, a Chinese answer above it), at
desktop width and on a 375 px phone; and an agency admin turning on the one-person office on
the review chain page, after which the clerk's own signature shows as 提交人签署."""

import pytest
from playwright.sync_api import expect

from gongkai.applications.models import Application
from gongkai.review import services as review
from tests.applications.cases import RESIDENT_ID
from tests.browser.conftest import shot
from tests.catalog.makers import make_item
from tests.conftest import PASSWORD, make_agency, make_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def bureau(transactional_db):
    county = make_agency("某某县人民政府")
    return make_agency("某某县移民局", county, short_name="县移民局")


def _login(page, username):
    page.goto(page.base + "/account/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/workbench/")


@pytest.mark.parametrize("width", [1280, 375])
def test_the_submission_limit_keeps_the_form_and_says_why(page, bureau, settings, width):
    settings.GONGKAI_PUBLIC_SUBMISSIONS_PER_HOUR = 0
    page.set_viewport_size({"width": width, "height": 860})
    page.goto(f"{page.base}/apply/?agency={bureau.pk}")
    form = page.locator("#apply-form")
    form.get_by_label("姓名或单位名称").fill("张三")
    form.get_by_label("证件号码（自然人填写）").fill(RESIDENT_ID)
    form.get_by_label("联系电话").fill("13700137000")
    form.get_by_label("所需政府信息的名称或内容描述").fill("本县移民后扶资金发放明细")
    form.get_by_label("电子文档").check()
    form.get_by_label("网上获取").check()
    form.get_by_role("button", name="提交申请").click()
    expect(page.get_by_role("alert")).to_contain_text("提交过于频繁")
    expect(form.get_by_label("姓名或单位名称")).to_have_value("张三")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    shot(page, f"apply-too-often-{width}")
    assert not Application.objects.exists()
    # The browser logs the refused post's status; nothing else may go wrong on the page.
    assert [e for e in page.console_errors if "429" not in e] == []


def test_a_one_person_office_signs_its_own_review(page, bureau):
    make_staff(bureau, "agency_admin", username="ym_admin", full_name="管理员")
    clerk = make_staff(bureau, "clerk", "reviewer", username="ym_clerk", full_name="杨光")
    make_staff(bureau, "leader", username="ym_leader", full_name="领导")
    _login(page, "ym_admin")
    page.goto(f"{page.base}/workbench/review/chain/{bureau.pk}/")
    page.get_by_label("一人办公室：提交人可签署审查意见").check()
    page.get_by_role("button", name="保存").click()
    expect(page.get_by_text("审查流程已保存")).to_be_visible()
    shot(page, "review-chain-one-person-office")
    page.get_by_role("button", name="退出").click()

    item = make_item(bureau, clerk, title="县移民局2026年后期扶持资金使用情况")
    review.submit(user=clerk, item=item)
    _login(page, "ym_clerk")
    page.goto(f"{page.base}/workbench/review/items/{item.pk}/")
    page.get_by_label("同意").check()
    page.get_by_label("依据").fill("《政府信息公开条例》第十九条")
    page.get_by_role("button", name="签署").click()
    expect(page.get_by_text("提交人签署，本机关为一人办公室").first).to_be_visible()
    shot(page, "review-opinion-by-submitter")
    page.set_viewport_size({"width": 375, "height": 860})
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    shot(page, "review-opinion-by-submitter-375")
    assert page.console_errors == []
