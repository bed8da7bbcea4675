"""A county office's first day, as its people meet it.

The clerk logs in to an inbox that counts what waits, follows it to the new application, replies
部分公开 listing what is enclosed, generates the reply letter in 公文 form, attaches the disclosed
file and records delivery on line. The leader logs in to the extension awaiting approval and
approves it, on a phone. The citizen, on a phone, reads a published item (font size, print, QR
code, no sideways scrolling), then looks up the application and downloads both the reply letter
and the disclosed file. Screenshots of each step are kept in test-artifacts/screenshots.
"""

from datetime import timedelta

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from gongkai.applications import services
from gongkai.applications.models import DeliveryMethod
from gongkai.applications.services import today
from gongkai.checks.extract import extract_bytes
from tests.applications.cases import make_case
from tests.browser.conftest import shot
from tests.catalog.files import docx_bytes
from tests.catalog.makers import Team, make_item
from tests.conftest import PASSWORD, make_agency, make_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = "13700137000"
PHONE_SIZE = {"width": 375, "height": 760}
ENCLOSED = "2025年城乡低保资金发放明细（已隐去个人身份信息）"


@pytest.fixture
def office(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    county = make_agency("某某县人民政府")
    bureau = make_agency("某某县民政局", county, short_name="县民政局")
    clerk = make_staff(bureau, "clerk", username="first_clerk", full_name="陈小燕")
    leader = make_staff(bureau, "leader", username="first_leader", full_name="王建国")
    team = Team(bureau)
    item = team.publish(make_item(bureau, team.clerk))
    new = make_case(
        bureau,
        today(),
        phone=PHONE,
        delivery_method=DeliveryMethod.ONLINE,
        description="本县2025年城乡低保资金发放明细",
    )
    waiting = make_case(bureau, today() - timedelta(days=20), user=clerk, applicant_name="李四")
    services.request_extension(
        waiting, on=today(), workdays=15, reason="涉及多个乡镇，需逐一核实", user=clerk
    )
    return {"clerk": clerk, "leader": leader, "item": item, "new": new, "waiting": waiting}


def _login(page, username: str) -> None:
    page.goto(page.base + "/account/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/workbench/")


def _logout(page) -> None:
    page.get_by_role("button", name="退出").click()


def _fits(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE_SIZE["width"]


def _pdf_text(page, href: str) -> str:
    response = page.request.get(page.base + href)
    assert response.headers["content-type"] == "application/pdf"
    return "".join(extract_bytes(response.body(), ".pdf").split())


def test_a_clerk_a_leader_and_a_citizen_on_their_first_day(page, browser, office, tmp_path):
    new = office["new"]

    # The clerk: the inbox first, then the new application it counts.
    _login(page, "first_clerk")
    inbox = page.get_by_role("region", name="待办事项")
    unassigned = inbox.get_by_role("link", name="1 新收到、尚未分办的申请")
    expect(unassigned).to_be_visible()
    shot(page, "first-day-clerk-inbox")
    unassigned.click()
    page.get_by_role("link", name=new.number).click()

    decide = page.locator("#move-decide")
    decide.get_by_label("办理结果").select_option(label="部分公开")
    decide.get_by_label("法律依据").fill("《中华人民共和国政府信息公开条例》第三十七条")
    decide.get_by_label("理由（除予以公开外必填）").fill(
        "明细中的个人身份信息属于个人隐私，不予公开。"
    )
    decide.get_by_label("随答复提供的信息（附件）").fill(ENCLOSED)
    decide.get_by_role("button", name="作出答复").click()
    expect(page.locator("#case-outcome")).to_have_text("部分公开")

    letter = page.locator("#move-letter")
    letter.get_by_label("文书种类").select_option(label="政府信息公开申请答复书")
    letter.get_by_role("button", name="生成文书").click()
    pdf = page.locator("#letters").get_by_role("link", name="PDF")
    expect(pdf).to_be_visible()
    text = _pdf_text(page, pdf.get_attribute("href"))
    assert "第三十七条" in text and f"附件：{ENCLOSED}" in text and "—1—" in text

    upload = tmp_path / "低保资金发放明细.docx"
    upload.write_bytes(docx_bytes("2025年城乡低保资金发放明细：城关镇312户，合计187.2万元。"))
    files = page.locator("#move-reply_file")
    files.get_by_label("上传文件").set_input_files(str(upload))
    files.get_by_label("材料名称").fill(ENCLOSED)
    files.get_by_role("button", name="附上答复材料").click()
    expect(page.get_by_text("已附上答复材料。")).to_be_visible()

    deliver = page.locator("#move-deliver")
    deliver.get_by_label("送达方式").select_option(label="网上获取")
    deliver.get_by_role("button", name="登记送达").click()
    expect(page.locator("#case-status")).to_have_text("已送达")
    shot(page, "first-day-clerk-case-replied")
    _logout(page)

    # The leader, on a phone: the extension awaiting approval.
    page.set_viewport_size(PHONE_SIZE)
    _login(page, "first_leader")
    waiting = page.get_by_role("region", name="待办事项").get_by_role(
        "link", name="1 延期答复待批准"
    )
    expect(waiting).to_be_visible()
    _fits(page)
    shot(page, "first-day-leader-inbox-phone")
    waiting.click()
    page.get_by_role("link", name=office["waiting"].number).click()
    page.locator("#move-extension_approved").get_by_role("button", name="批准延期答复").click()
    expect(page.get_by_text("批准延期答复").first).to_be_visible()
    office["waiting"].refresh_from_db()
    assert services.state_of(office["waiting"]).extension_workdays == 15
    shot(page, "first-day-leader-approved-phone")
    assert page.console_errors == []

    # The citizen, on a phone: a published item, then the reply on line.
    citizen = browser.new_context(locale="zh-CN", viewport=PHONE_SIZE, accept_downloads=True)
    phone = citizen.new_page()
    phone.base = page.base
    phone.goto(page.base + reverse("disclosure:item", args=[office["item"].pk]))
    expect(phone.get_by_role("heading", level=1)).to_contain_text("最低生活保障")
    expect(phone.get_by_role("button", name="打印本页")).to_be_visible()
    expect(phone.get_by_role("img", name="本页二维码")).to_be_visible()
    _fits(phone)
    shot(phone, "first-day-citizen-item-phone")

    phone.goto(page.base + "/apply/status/")
    phone.get_by_label("查询码").fill(new.tracking_code)
    phone.get_by_label("申请时填写的联系电话").fill(PHONE)
    phone.get_by_role("button", name="查询").click()
    expect(phone.locator("#public-outcome")).to_have_text("部分公开")
    _fits(phone)
    shot(phone, "first-day-citizen-status-phone")
    with phone.expect_download() as letter_download:
        phone.locator("#online-replies").get_by_role("link").click()
    reply = "".join(extract_bytes(letter_download.value.path().read_bytes(), ".pdf").split())
    assert "第三十七条" in reply and ENCLOSED in reply
    with phone.expect_download() as file_download:
        phone.locator("#online-reply-files").get_by_role("link", name=ENCLOSED).click()
    disclosed = extract_bytes(file_download.value.path().read_bytes(), ".docx")
    assert "城关镇312户" in disclosed
    citizen.close()
