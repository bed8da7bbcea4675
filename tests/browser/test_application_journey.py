"""A citizen applies online; a clerk asks for a 补正, registers it, consults a third party
(the clock pauses), replies 部分公开, generates the reply letter and records its delivery on
line; the citizen then sees the result by tracking code and phone number and downloads the
reply. The CSP holds throughout."""

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from gongkai.applications.models import Application
from gongkai.applications.services import today
from gongkai.checks.extract import extract_bytes
from tests.applications.cases import RESIDENT_ID
from tests.browser.conftest import shot
from tests.conftest import PASSWORD, make_agency, make_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = "13700137000"


@pytest.fixture
def office(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    county = make_agency("某某县人民政府")
    bureau = make_agency("某某县民政局", county, short_name="县民政局")
    make_staff(bureau, "clerk", username="clerk", full_name="陈小燕")
    return bureau


def test_citizen_applies_clerk_handles_citizen_sees_the_result(page, browser, office):
    page.goto(f"{page.base}/apply/?agency={office.pk}")
    form = page.locator("#apply-form")
    form.get_by_label("姓名或单位名称").fill("张三")
    form.get_by_label("证件号码（自然人填写）").fill(RESIDENT_ID)
    form.get_by_label("联系电话").fill(PHONE)
    form.get_by_label("所需政府信息的名称或内容描述").fill("本县2025年城乡低保资金发放明细")
    form.get_by_label("电子文档").check()
    form.get_by_label("网上获取").check()
    shot(page, "apply-form")
    form.get_by_role("button", name="提交申请").click()
    expect(page.get_by_role("heading", name="政府信息公开申请回执")).to_be_visible()
    code = page.locator("#tracking-code").inner_text()
    shot(page, "apply-receipt")

    page.goto(page.base + "/account/login/")
    page.get_by_label("用户名").fill("clerk")
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/workbench/")
    page.get_by_role("navigation", name="工作台菜单").get_by_role("link", name="依申请公开").click()
    case = Application.objects.get()
    page.get_by_role("link", name=case.number).click()
    expect(page.locator("#case-status")).to_have_text("办理中")

    correction = page.locator("#move-correction")
    correction.get_by_label("补正期限").fill((today() + timedelta(days=14)).isoformat())
    correction.get_by_label("需要补正的事项（一次性告知）").fill("请写明所需信息的乡镇范围")
    correction.get_by_role("button", name="告知补正").click()
    expect(page.locator("#case-status")).to_have_text("待申请人补正")

    page.locator("#move-correction_received").get_by_role("button", name="登记收到补正").click()
    expect(page.locator("#case-status")).to_have_text("办理中")

    consultation = page.locator("#move-consultation")
    consultation.get_by_label("第三方或机关名称").fill("某某县社会救助服务中心")
    consultation.get_by_role("button", name="征求意见（中止计时）").click()
    expect(page.locator("#case-status")).to_have_text("征求意见中")
    expect(page.locator(".clock-panel")).to_contain_text("中止计时")
    shot(page, "case-paused")

    ended = page.locator("#move-consultation_ended")
    ended.get_by_label("第三方或机关的意见").fill("同意公开，但应隐去个人身份信息")
    ended.get_by_role("button", name="征求意见结束").click()
    expect(page.locator("#case-status")).to_have_text("办理中")

    decide = page.locator("#move-decide")
    decide.get_by_label("办理结果").select_option(label="部分公开")
    decide.get_by_label("法律依据").fill("《中华人民共和国政府信息公开条例》第三十七条")
    decide.get_by_label("理由（除予以公开外必填）").fill(
        "明细中的个人身份信息属于个人隐私，不予公开。"
    )
    decide.get_by_role("button", name="作出答复").click()
    expect(page.locator("#case-outcome")).to_have_text("部分公开")

    letter = page.locator("#move-letter")
    letter.get_by_label("文书种类").select_option(label="政府信息公开申请答复书")
    letter.get_by_role("button", name="生成文书").click()
    link = page.locator("#letters").get_by_role("link", name="PDF")
    expect(link).to_be_visible()
    shot(page, "case-decided")
    response = page.request.get(page.base + link.get_attribute("href"))
    assert response.headers["content-type"] == "application/pdf"
    text = "".join(extract_bytes(response.body(), ".pdf").split())
    assert "部分公开" in text or "区分处理" in text
    assert "第三十七条" in text and "六十日内" in text and "六个月内" in text
    assert page.console_errors == []

    # The applicant chose 网上获取: delivery is recording that the reply is on line.
    deliver = page.locator("#move-deliver")
    deliver.get_by_label("送达方式").select_option(label="网上获取")
    deliver.get_by_role("button", name="登记送达").click()
    expect(page.locator("#case-status")).to_have_text("已送达")

    citizen = browser.new_context(locale="zh-CN", accept_downloads=True).new_page()
    citizen.goto(page.base + "/apply/status/")
    citizen.get_by_label("查询码").fill(code)
    citizen.get_by_label("申请时填写的联系电话").fill(PHONE)
    citizen.get_by_role("button", name="查询").click()
    expect(citizen.locator("#public-outcome")).to_have_text("部分公开")
    expect(citizen.locator("#status-result")).not_to_contain_text("张三")
    shot(citizen, "status-result")
    with citizen.expect_download() as download:
        citizen.locator("#online-replies").get_by_role("link").click()
    reply = "".join(extract_bytes(download.value.path().read_bytes(), ".pdf").split())
    assert "第三十七条" in reply and "六十日内" in reply
    citizen.context.close()
