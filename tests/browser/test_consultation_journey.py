"""意见征集 from end to end: a clerk puts a draft out for comment; a citizen comments on the
portal (on a desktop and on a 375 px phone) and another posts off the subject; the clerk keeps
one and rejects the other; after the last day the clerk closes the consultation, answers the
comment in the 采纳情况 and publishes it; the public reads it, linked from the consultation."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import expect

from gongkai.engagement.models import CommentStatus, ConsultationComment
from tests.browser.conftest import shot
from tests.catalog.files import pdf_bytes
from tests.conftest import PASSWORD, make_agency, make_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def bureau(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    county = make_agency("某某县人民政府")
    bureau = make_agency("某某县民政局", county, short_name="县民政局")
    make_staff(bureau, "clerk", username="clerk", full_name="陈小燕")
    return bureau


def _login(page, username):
    page.context.clear_cookies()
    page.goto(page.base + "/account/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/workbench/")


def _fits(page):
    overflow = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    assert page.evaluate(overflow) <= 0


def _comment(page, url, text, name=""):
    page.goto(url)
    form = page.locator("#comment-form")
    form.get_by_label("意见内容").fill(text)
    if name:
        form.get_by_label("姓名（可不填）").fill(name)
    form.get_by_role("button", name="提交意见").click()
    expect(page.locator("#comment-sent")).to_be_visible()


def test_citizen_comments_staff_moderate_close_and_publish(page, bureau, tmp_path):
    _login(page, "clerk")
    page.get_by_role("navigation", name="工作台菜单").get_by_role("link", name="意见征集").click()
    page.get_by_role("link", name="新建意见征集").click()
    form = page.locator("#consultation-form")
    form.get_by_label("征集标题").fill("某某县城乡居民最低生活保障实施办法（征求意见稿）")
    form.get_by_label("起草说明").fill(
        "为规范低保审核确认，起草了本办法。请重点就收入核算提出意见。"
    )
    draft = tmp_path / "征求意见稿.pdf"
    draft.write_bytes(pdf_bytes("Draft rules"))
    form.get_by_label("草案文件").set_input_files(str(draft))
    form.get_by_label("重大行政决策（征求意见期限一般不少于30日）").check()
    form.get_by_role("button", name="保存").click()
    expect(page.locator("#consultation-status")).to_contain_text("草稿")
    expect(page.get_by_text("（30日），重大行政决策")).to_be_visible()
    page.locator("#transition-open").get_by_role("button", name="发布征集").click()
    expect(page.get_by_text("已发布，门户开始按期接收意见")).to_be_visible()
    shot(page, "consultation-workbench-open")
    portal_url = page.get_by_role("link", name="门户页面").get_attribute("href")

    page.context.clear_cookies()
    page.goto(page.base + "/hudong/consultations/")
    page.get_by_role("link", name="某某县城乡居民最低生活保障实施办法（征求意见稿）").click()
    expect(page.locator("#consultation-phase")).to_have_text("征集中")
    _comment(page, page.base + portal_url, "建议把赡养费按实际给付计入收入。", name="王五")
    shot(page, "consultation-comment-sent-desktop")
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(page.base + portal_url)
    shot(page, "consultation-comment-form-phone")
    _fits(page)
    _comment(page, page.base + portal_url, "请问我家的低保什么时候发放？")
    page.set_viewport_size({"width": 1280, "height": 860})

    _login(page, "clerk")
    page.goto(page.base + "/workbench/engagement/consultations/?queue=consultations_comments")
    page.get_by_role("link", name="某某县城乡居民最低生活保障实施办法（征求意见稿）").click()
    rows = page.locator("#comment-table tbody tr")
    expect(rows).to_have_count(2)
    rows.filter(has_text="赡养费").get_by_role("button", name="确认有效").click()
    expect(page.get_by_text("已确认为有效意见")).to_be_visible()
    rows.filter(has_text="什么时候发放").get_by_role("link", name="不予采用").click()
    page.get_by_label("不予采用的理由").fill("属于个人咨询，已告知通过留言渠道咨询")
    page.get_by_role("button", name="不予采用").click()
    expect(page.get_by_text("已不予采用，该意见不计入意见数")).to_be_visible()
    shot(page, "consultation-moderated")

    closes_on = ConsultationComment.objects.first().consultation.closes_on
    after = closes_on + timedelta(days=1)
    assert after > timezone.localdate()
    with time_machine.travel(f"{after.isoformat()} 10:00 +0800", tick=True):
        # A month on, the session has lapsed: the clerk logs in again.
        staff_url = page.url
        _login(page, "clerk")
        page.goto(staff_url)
        page.locator("#transition-close").get_by_role("button", name="截止征集").click()
        expect(page.locator("#consultation-status")).to_contain_text("已截止")
        adoption = page.locator("#transition-record_adoption")
        adoption.get_by_label("意见", exact=False).first.check()
        adoption.get_by_label("意见摘要").fill("赡养费按实际给付计入家庭收入")
        adoption.get_by_label("采纳情况").select_option(label="部分采纳")
        adoption.get_by_label("理由").fill(
            "按省级规定，赡养费原则上按协议计算，实际给付高于协议的按实际计入。"
        )
        adoption.get_by_role("button", name="登记采纳情况").click()
        expect(page.locator("#adoption-table")).to_contain_text("部分采纳")
        result = page.locator("#transition-publish_result")
        result.get_by_label("采纳情况总体说明").fill("征集期内共收到有效意见1条，部分采纳1条。")
        result.get_by_role("button", name="公布采纳情况").click()
        expect(page.get_by_text("采纳情况已在门户公布")).to_be_visible()
        shot(page, "consultation-workbench-concluded")

        page.context.clear_cookies()
        for width, name in ((1280, "desktop"), (375, "phone")):
            page.set_viewport_size({"width": width, "height": 860})
            page.goto(page.base + portal_url)
            expect(page.locator("#comment-count")).to_have_text("1 条")
            expect(page.locator("#comment-form")).to_have_count(0)
            page.locator("#result-link").click()
            table = page.locator("#adoption-table")
            expect(table).to_contain_text("赡养费按实际给付计入家庭收入")
            expect(table).to_contain_text("部分采纳")
            expect(page.locator("#result-text")).to_contain_text("部分采纳1条")
            shot(page, f"consultation-result-{name}")
            _fits(page)
    statuses = sorted(ConsultationComment.objects.values_list("status", flat=True))
    assert statuses == sorted([CommentStatus.VALID, CommentStatus.REJECTED])
    assert page.console_errors == []
