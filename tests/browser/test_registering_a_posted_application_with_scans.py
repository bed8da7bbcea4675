"""A clerk registers an application that came by post, with its scan, in the browser; the case
page lists the scan, the fee form states the counted rank, and the decision form asks for the
responsible organ."""

import pytest
from playwright.sync_api import expect

from gongkai.applications.models import Application
from tests.applications.cases import RESIDENT_ID
from tests.browser.conftest import shot
from tests.conftest import PASSWORD, make_agency, make_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_clerk_registers_a_posted_application_with_its_scan(page, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    bureau = make_agency("某某县民政局", make_agency("某某县人民政府"))
    make_staff(bureau, "clerk", username="clerk", full_name="陈小燕")
    scan = tmp_path / "信件扫描.pdf"
    scan.write_bytes(PDF)

    page.goto(page.base + "/account/login/")
    page.get_by_label("用户名").fill("clerk")
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/workbench/")
    page.goto(f"{page.base}/workbench/cases/agencies/{bureau.pk}/new/")
    page.get_by_label("申请方式").select_option("post_signed")
    page.get_by_label("姓名或单位名称").fill("张三")
    page.get_by_label("证件号码（自然人填写）").fill(RESIDENT_ID)
    page.get_by_label("联系电话").fill("13700137000")
    page.get_by_label("通信地址").fill("某某县城关镇人民路1号")
    page.get_by_label("所需政府信息的名称或内容描述").fill("本县2025年城乡低保资金发放明细")
    page.get_by_label("纸质文本").check()
    page.get_by_label("邮寄").first.check()
    page.get_by_label("申请材料扫描件").set_input_files(str(scan))
    shot(page, "register-with-scan")
    page.get_by_role("button", name="登记").click()

    expect(page.locator("#scans")).to_contain_text("信件扫描.pdf")
    expect(page.locator("#move-fee")).to_contain_text("第1件申请")
    expect(page.locator("#move-decide")).to_contain_text("负责公开该信息的行政机关")
    shot(page, "case-with-scan")
    assert Application.objects.get().scans.count() == 1
    assert page.console_errors == []
