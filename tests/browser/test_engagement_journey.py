"""A citizen reports an error from an item page (the footer link carries the page and the
selected words) and asks a question; a clerk transfers the error report to a unit and answers
both; the leader checks the answer to the question; the citizen reads both replies by look-up
code, and the published reply shows 受理日期, 答复日期, 答复部门 and 答复内容 with the ID number
masked, on a desktop and on a 375 px phone."""

import pytest
from playwright.sync_api import expect

from gongkai.agencies.models import InternalUnit
from gongkai.engagement.models import Channel, Message
from tests.applications.cases import RESIDENT_ID
from tests.browser.conftest import shot
from tests.catalog.makers import Team, make_item
from tests.conftest import PASSWORD, make_agency, make_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = "13700137000"


@pytest.fixture
def office(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    county = make_agency("某某县人民政府")
    bureau = make_agency("某某县民政局", county, short_name="县民政局")
    InternalUnit.objects.create(agency=bureau, name="办公室")
    make_staff(bureau, "clerk", username="clerk", full_name="陈小燕")
    make_staff(bureau, "leader", username="leader", full_name="孙立新")
    Channel.objects.filter(agency=bureau, kind="question").update(requires_leader_check=True)
    team = Team(bureau)
    item = team.publish(make_item(bureau, team.clerk))
    return bureau, item


def _login(page, username):
    page.context.clear_cookies()
    page.goto(page.base + "/account/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/workbench/")


def _write(page, subject, text):
    form = page.locator("#message-form")
    form.locator("#id_subject").fill(subject)
    form.locator("#id_text").fill(text)
    form.locator("#id_writer_name").fill("张三")
    form.locator("#id_phone").fill(PHONE)
    return form


def _open(page, subject):
    page.goto(page.base + "/workbench/engagement/")
    page.get_by_role("link", name=subject).click()


def _move(page, name, button, **fields):
    form = page.locator(f"#transition-{name}")
    for label, value in fields.items():
        field = form.get_by_label(label)
        if field.evaluate("el => el.tagName") == "SELECT":
            field.select_option(label=value)
        else:
            field.fill(value)
    form.get_by_role("button", name=button).click()


def _read(page, code):
    page.goto(page.base + "/hudong/lookup/")
    page.get_by_label("查询码").fill(code)
    page.get_by_label("留言时填写的联系电话或电子邮箱").fill(PHONE)
    page.get_by_role("button", name="查询").click()
    return page.locator("#lookup-result")


def test_citizen_writes_clerk_answers_citizen_reads(page, browser, office):
    bureau, item = office
    item_url = f"{page.base}/xxgk/items/{item.pk}/"
    page.goto(item_url)
    chosen = page.evaluate(
        """() => {
            const p = document.querySelector('.body-text p');
            const range = document.createRange();
            range.selectNodeContents(p);
            getSelection().removeAllRanges();
            getSelection().addRange(range);
            return getSelection().toString().trim();
        }"""
    )
    page.wait_for_timeout(200)  # selectionchange is delivered asynchronously
    page.get_by_role("link", name="网民找错：报告本页的错误").click()
    expect(page.get_by_role("heading", name="政民互动 · 我要留言")).to_be_visible()
    expect(page.get_by_label("向哪个机关、哪类渠道留言")).to_have_value(
        str(Channel.objects.get(agency=bureau, kind="error_report").pk)
    )
    expect(page.get_by_label("出错页面地址")).to_have_value(item_url)
    expect(page.get_by_label("出错的文字")).to_have_value(chosen[:500])
    _write(page, "通知正文有错字", "第一段中的“低保”应为“最低生活保障”。")
    shot(page, "engagement-error-report-form")
    page.get_by_role("button", name="提交留言").click()
    expect(page.get_by_role("heading", name="留言已收到")).to_be_visible()
    error_code = page.locator("#lookup-code").inner_text()

    page.goto(f"{page.base}/hudong/?kind=question&agency={bureau.pk}")
    form = _write(
        page,
        "低保申请需要哪些材料",
        f"我想为母亲申请低保（她的身份证号{RESIDENT_ID}），需要准备哪些材料？",
    )
    form.get_by_label("同意公开答复（公开时隐去姓名、证件号码、电话等个人信息）").check()
    page.get_by_role("button", name="提交留言").click()
    question_code = page.locator("#lookup-code").inner_text()
    shot(page, "engagement-receipt")

    _login(page, "clerk")
    page.get_by_role("navigation", name="工作台菜单").get_by_role("link", name="政民互动").click()
    expect(page.locator("#message-table")).to_contain_text("通知正文有错字")
    shot(page, "engagement-list")
    _open(page, "通知正文有错字")
    expect(page.locator("#page-excerpt")).to_have_text(chosen[:500])
    _move(
        page,
        "transfer",
        "转办",
        **{"转给本机关的内设机构": "办公室", "转办理由": "由办公室核对网页"},
    )
    expect(page.get_by_text("已转办")).to_be_visible()
    _move(page, "accept", "受理")
    _move(page, "reply", "答复", 答复内容="感谢指正，已更正该通知的文字。")
    expect(page.locator("#message-status")).to_have_text("已答复")

    _open(page, "低保申请需要哪些材料")
    _move(page, "accept", "受理")
    _move(page, "reply", "答复", 答复内容="请携带户口簿、身份证和收入证明到户籍所在地乡镇申请。")
    expect(page.locator("#message-status")).to_have_text("答复待审核")
    shot(page, "engagement-message-detail")

    _login(page, "leader")
    page.goto(page.base + "/workbench/engagement/?queue=messages_check")
    _open(page, "低保申请需要哪些材料")
    _move(page, "check", "审核通过")
    expect(page.locator("#message-status")).to_have_text("已答复")

    page.context.clear_cookies()
    result = _read(page, error_code)
    expect(result).to_contain_text("已答复")
    expect(result).to_contain_text("感谢指正，已更正该通知的文字。")
    expect(result).to_contain_text("某某县民政局办公室")
    result = _read(page, question_code)
    expect(result).to_contain_text("请携带户口簿、身份证和收入证明")
    shot(page, "engagement-lookup-desktop")
    page.set_viewport_size({"width": 375, "height": 800})
    result = _read(page, question_code)
    expect(result).to_contain_text("已答复")
    shot(page, "engagement-lookup-phone")
    page.goto(f"{page.base}/hudong/?kind=question&agency={bureau.pk}")
    shot(page, "engagement-form-phone")

    masked = RESIDENT_ID[:3] + "*" * 11 + RESIDENT_ID[-4:]
    for width, name in ((1280, "desktop"), (375, "phone")):
        page.set_viewport_size({"width": width, "height": 860})
        page.goto(page.base + "/hudong/replies/")
        page.get_by_role("link", name="低保申请需要哪些材料").click()
        facts = page.locator("#reply-facts")
        for label in ("受理日期", "答复日期", "答复部门"):
            expect(facts).to_contain_text(label)
        expect(facts).to_contain_text("某某县民政局")
        expect(page.locator("#public-reply")).to_contain_text("请携带户口簿、身份证和收入证明")
        expect(page.locator("#public-text")).to_contain_text(masked)
        assert RESIDENT_ID not in page.content()
        shot(page, f"engagement-published-reply-{name}")
        assert (
            page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            <= 0
        )
    assert (
        page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        <= 0
    )
    assert Message.objects.filter(status="replied").count() == 2
    # The error report's writer did not agree to publication: it stays out of the list.
    assert Message.objects.published().get().subject == "低保申请需要哪些材料"
    assert page.console_errors == []
