"""同步 in a real browser: the agency admin turns the setting on; a clerk drafts a 规范性文件 and
submits it; the leader cannot approve it alone and reads why; the clerk drafts its 图解 from the
document's page, attaches the picture and submits it; after the reviewer's first signature, the
leader's approval of the document signs the interpretation too, and publishing the document
publishes both. The portal pages link to each other and the agency's 政策解读 column lists the
interpretation, at desktop width and on a 375 px phone."""

import pytest
from playwright.sync_api import expect

from gongkai.agencies.models import Agency
from gongkai.catalog.models import InfoItem
from gongkai.demo import data
from gongkai.interpretations.models import Interpretation
from tests.browser.conftest import shot
from tests.catalog.files import png_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "某某县民政局关于规范临时救助工作的通知"
PHONE = {"width": 375, "height": 800}


def _login(page, username):
    page.goto(page.base + "/account/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(data.DEMO_PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/workbench/")


def _logout(page):
    page.get_by_role("button", name="退出").click()


def _sign(page, url, step, expect_done=True):
    page.goto(url)
    expect(page.get_by_role("heading", name=f"签署“{step}”意见")).to_be_visible()
    page.get_by_role("radio", name="同意", exact=True).check()
    page.get_by_label("依据").fill("《政府信息公开条例》第十九条")
    page.get_by_role("button", name="签署").click()
    if expect_done:
        expect(page.get_by_text("已签署审查意见。")).to_be_visible()


def _fits(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_policy_document_and_its_graphic_are_approved_and_published_together(page, tmp_path):
    data.load()
    mz = Agency.objects.get(name="某某县民政局")
    picture = tmp_path / "一图读懂.png"
    picture.write_bytes(png_bytes())

    _login(page, "mz_admin")
    page.goto(f"{page.base}/workbench/review/chain/{mz.pk}/")
    setting = page.locator("#interpretation-setting")
    setting.get_by_label("同步审签、同步发布").check()
    setting.get_by_role("button", name="更新同步设置").click()
    expect(page.get_by_text("政策解读同步设置已保存")).to_be_visible()
    shot(page, "interpretation-setting")
    _logout(page)

    _login(page, "mz_clerk")
    page.goto(page.base + "/workbench/catalog/items/new/")
    page.get_by_label("标题").fill(TITLE)
    page.get_by_label("文号").fill("某民规〔2026〕2号")
    page.get_by_label("成文日期").fill("2026-11-20")
    page.get_by_label("形成或变更日期").fill("2026-11-20")
    page.get_by_label("体裁分类").select_option(label="规范性文件")
    page.get_by_label("正文").fill(
        "各乡（镇）人民政府：\n为规范临时救助工作，现将有关事项通知如下。"
    )
    page.get_by_role("button", name="保存").click()
    document = InfoItem.objects.get(current_version__title=TITLE)
    document_url = f"{page.base}/workbench/review/items/{document.pk}/"
    expect(page.locator("#item-interpretations")).to_contain_text("尚无政策解读")
    page.get_by_role("button", name="提交审查").click()
    expect(page.get_by_text("已提交审查。")).to_be_visible()
    _logout(page)

    _login(page, "mz_reviewer")
    _sign(page, document_url, "审查")
    _logout(page)

    _login(page, "mz_leader")
    _sign(page, document_url, "批准", expect_done=False)
    reason = page.get_by_text("本机关要求政策文件与政策解读同步审签").first
    expect(reason).to_be_visible()
    shot(page, "interpretation-document-held")
    page.set_viewport_size(PHONE)
    _fits(page)
    shot(page, "interpretation-document-held-375")
    page.set_viewport_size({"width": 1280, "height": 860})
    _logout(page)

    _login(page, "mz_clerk")
    page.goto(document_url)
    page.locator("#item-interpretations").get_by_role("link", name="起草政策解读").click()
    body = page.get_by_label("正文").input_value()
    assert body.startswith("一、背景依据") and "八、新旧政策差异" in body
    page.get_by_label("正文").fill(
        body.replace("一、背景依据\n", "一、背景依据\n依据《社会救助暂行办法》，规范临时救助。\n")
    )
    page.get_by_label("标题").fill("一图读懂：某某县临时救助新规")
    page.get_by_label("图解").check()
    page.get_by_label("起草解读的内设机构").select_option(label="业务股")
    shot(page, "interpretation-draft-form")
    page.get_by_role("button", name="保存").click()
    expect(page.get_by_text("已起草政策解读")).to_be_visible()
    interpretation = Interpretation.objects.get(
        item__current_version__title="一图读懂：某某县临时救助新规"
    )
    interpretation_url = f"{page.base}/workbench/review/items/{interpretation.item.pk}/"
    page.get_by_role("link", name="上传附件").click()
    page.get_by_label("附件文件").set_input_files(str(picture))
    page.get_by_role("button", name="上传").click()
    expect(page.get_by_role("link", name="一图读懂", exact=True)).to_be_visible()
    expect(page.locator("#item-interpretations")).to_contain_text(TITLE)
    page.get_by_role("button", name="提交审查").click()
    expect(page.get_by_text("已提交审查。")).to_be_visible()
    _logout(page)

    _login(page, "mz_reviewer")
    _sign(page, interpretation_url, "审查")
    _logout(page)

    _login(page, "mz_leader")
    _sign(page, document_url, "批准")
    page.goto(interpretation_url)
    expect(page.get_by_text("与所解读的文件同步审签").first).to_be_visible()
    _logout(page)

    _login(page, "mz_clerk")
    page.goto(document_url)
    page.get_by_role("button", name="立即公开").click()
    expect(page.get_by_text("已在门户公开。")).to_be_visible()
    page.goto(interpretation_url)
    expect(page.get_by_role("link", name="在门户查看")).to_be_visible()
    shot(page, "interpretation-published-workbench")

    page.goto(f"{page.base}/xxgk/items/{document.pk}/")
    page.locator("#item-interpretations").get_by_role("link").click()
    expect(page.locator("h1")).to_contain_text("一图读懂：某某县临时救助新规")
    expect(page.locator("#document")).to_contain_text("依据《社会救助暂行办法》，规范临时救助。")
    expect(page.get_by_role("link", name="一图读懂", exact=True)).to_be_visible()
    shot(page, "interpretation-portal")
    page.locator("#interpreted-documents").get_by_role("link", name=TITLE).click()
    expect(page.locator("h1")).to_contain_text(TITLE)
    shot(page, "interpretation-portal-document")
    page.set_viewport_size(PHONE)
    _fits(page)
    shot(page, "interpretation-portal-document-375")
    page.goto(f"{page.base}/xxgk/jiedu/agencies/{mz.pk}/")
    expect(page.locator("#interpretation-list")).to_contain_text("一图读懂：某某县临时救助新规")
    expect(page.locator("#interpretation-list")).to_contain_text("图解 · 业务股")
    _fits(page)
    shot(page, "interpretation-column-375")
    page.set_viewport_size({"width": 1280, "height": 860})
    shot(page, "interpretation-column")
    # The browser logs the refused signature's 400; nothing else may go wrong on the pages.
    assert [e for e in page.console_errors if "400" not in e] == []
