"""A clerk registers an item with an attachment and submits it; two reviewers sign and the
leader approves; it appears on the portal with its metadata box. A change makes version 2,
invisible until reviewed; revoking takes the item off the portal and keeps its history."""

import pytest
from playwright.sync_api import expect

from gongkai.agencies.models import Agency
from gongkai.agencies.services import create_staff
from gongkai.catalog.models import InfoItem
from gongkai.demo import data
from gongkai.review import services as review
from tests.browser.conftest import shot
from tests.catalog.files import docx_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
TITLE = "某某县民政局关于做好2026年冬季困难群众救助工作的通知"


@pytest.fixture
def demo(transactional_db):
    data.load()
    mz = Agency.objects.get(name="某某县民政局")
    create_staff(
        agency=mz,
        username="mz_reviewer2",
        full_name="郑晓东",
        password=data.DEMO_PASSWORD,
        roles=["reviewer"],
    )
    admin = mz.memberships.get(role="agency_admin").user
    review.set_chain(
        user=admin,
        agency=mz,
        steps=[
            {"name": "初审", "role": "reviewer"},
            {"name": "复审", "role": "reviewer"},
            {"name": "批准", "role": "leader"},
        ],
    )
    return mz


def _login(page, username):
    page.goto(page.base + "/account/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(data.DEMO_PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/workbench/")


def _logout(page):
    page.get_by_role("button", name="退出").click()


def _sign(page, username, step):
    _login(page, username)
    page.get_by_role("navigation", name="工作台菜单").get_by_role("link", name="待审查").click()
    page.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", name=f"签署“{step}”意见")).to_be_visible()
    page.get_by_role("radio", name="同意", exact=True).check()
    page.get_by_label("依据").fill("《政府信息公开条例》第十九条、第二十条")
    page.get_by_label("审查意见").fill("经审查，不涉及国家秘密、商业秘密和个人隐私，同意公开。")
    page.get_by_role("button", name="签署").click()
    expect(page.get_by_text("已签署审查意见。")).to_be_visible()
    _logout(page)


def test_from_draft_to_portal_and_back(page, demo, tmp_path):
    attachment = tmp_path / "救助标准表.docx"
    attachment.write_bytes(docx_bytes("2026年冬季临时救助标准：每户每次不超过3000元。"))

    _login(page, "mz_clerk")
    page.get_by_role("navigation", name="工作台菜单").get_by_role(
        "link", name="政府信息目录"
    ).click()
    page.get_by_role("link", name="登记信息").click()
    page.get_by_label("标题").fill(TITLE)
    page.get_by_label("文号").fill("某民发[2026]015号")
    page.get_by_label("成文日期").fill("2026-11-20")
    page.get_by_label("形成或变更日期").fill("2026-11-20")
    page.get_by_label("主题分类").select_option(label="民政、扶贫、救灾\\社会福利")
    page.get_by_label("体裁分类").select_option(label="通知")
    page.get_by_label("正文").fill(
        "各乡（镇）人民政府：\n为保障困难群众温暖过冬，现就有关事项通知如下。"
    )
    shot(page, "catalog-register")
    page.get_by_role("button", name="保存").click()
    expect(page.get_by_text("已规范为“某民发〔2026〕15号”")).to_be_visible()
    item = InfoItem.objects.get(current_version__title=TITLE)
    index_no, item_url = item.index_no, f"{page.base}/workbench/review/items/{item.pk}/"
    expect(page.get_by_text(index_no).first).to_be_visible()

    page.get_by_role("link", name="上传附件").click()
    page.get_by_label("附件文件").set_input_files(str(attachment))
    page.get_by_role("button", name="上传").click()
    expect(page.get_by_role("link", name="救助标准表", exact=True)).to_be_visible()
    page.get_by_role("button", name="提交审查").click()
    expect(page.get_by_text("已提交审查。")).to_be_visible()
    shot(page, "catalog-submitted")
    _logout(page)

    _sign(page, "mz_reviewer", "初审")
    _sign(page, "mz_reviewer2", "复审")
    _sign(page, "mz_leader", "批准")

    _login(page, "mz_clerk")
    page.goto(item_url)
    expect(page.get_by_text("审查通过").first).to_be_visible()
    page.get_by_role("button", name="立即公开").click()
    expect(page.get_by_text("已在门户公开。")).to_be_visible()
    shot(page, "catalog-approved-and-published")

    page.get_by_role("link", name="在门户查看").click()
    box = page.get_by_role("table", name="信息基本情况")
    for text in (
        index_no,
        "某某县民政局",
        "2026-11-20",
        "某民发〔2026〕15号",
        "民政、扶贫、救灾\\社会福利",
        "有效",
    ):
        expect(box).to_contain_text(text)
    expect(page.get_by_role("link", name="救助标准表", exact=True)).to_be_visible()
    portal_url = page.url
    shot(page, "portal-item")

    # A change makes version 2, which the public does not see until it is reviewed.
    page.goto(item_url)
    page.get_by_label("修订说明").fill("补充申请渠道")
    page.get_by_role("button", name="修订（生成新版本）").click()
    expect(page.get_by_text("已生成第2版")).to_be_visible()
    page.get_by_role("link", name="修改").click()
    page.get_by_label("标题").fill(TITLE + "（修订）")
    page.get_by_role("button", name="保存").click()
    page.goto(portal_url)
    expect(page.get_by_role("heading", name=TITLE, exact=True)).to_be_visible()
    expect(page.get_by_text("（修订）")).to_have_count(0)
    _logout(page)

    # Revoking hides the item; the record and its history stay in the workbench.
    _login(page, "mz_leader")
    page.goto(item_url)
    page.get_by_label("理由").fill("发现文件内容需要重新研究")
    page.get_by_role("button", name="从门户撤回").click()
    expect(page.get_by_text("已从门户撤回，记录和历史保留。")).to_be_visible()
    history = page.get_by_role("region", name="版本与审查记录")
    expect(history).to_contain_text("第1版")
    expect(history).to_contain_text("第2版")
    expect(history).to_contain_text("郑晓东")
    shot(page, "catalog-revoked-history")
    assert page.console_errors == []
    response = page.goto(portal_url)
    assert response.status == 404
