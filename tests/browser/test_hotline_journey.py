"""In a real browser: a clerk imports the platform's file; one work order is signed for and
returned with a reason, the 主管部门 rejects the return, the clerk reassigns it to a unit,
answers and closes it and records the platform's callback; a clerk of the agency's own line
imports the call records, calls back the missed caller and reads the month's figures. The pages
fit a 375 px phone."""

import pytest
from playwright.sync_api import expect

from gongkai.agencies.models import InternalUnit
from tests.browser.conftest import shot
from tests.conftest import PASSWORD, make_staff
from tests.hotline.makers import CALL_HEADERS, call_row, csv_bytes, rows

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 800}


def _login(page, username: str) -> None:
    page.goto(page.base + "/account/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/workbench/")


def _logout(page) -> None:
    page.get_by_role("button", name="退出").click()


def _move(page, name: str):
    return page.locator(f"#transition-{name}")


def test_a_work_order_from_import_to_callback(page, county, agency_a, tmp_path):
    InternalUnit.objects.create(agency=agency_a, name="城市管理股")
    make_staff(agency_a, "clerk", username="hotline_clerk", full_name="陈小燕")
    make_staff(county, "supervisor", username="hotline_supervisor", full_name="李红梅")
    table = rows(2)
    table[1][1] = "其他"  # line 3 is refused, line 2 comes in
    upload = tmp_path / "12345派单.csv"
    upload.write_bytes(csv_bytes(table))

    _login(page, "hotline_clerk")
    page.get_by_role("navigation", name="工作台菜单").get_by_role("link", name="12345工单").click()
    page.get_by_role("link", name="导入平台工单").click()
    page.get_by_label("平台导出的工单文件").set_input_files(str(upload))
    page.get_by_role("button", name="导入").click()
    report = page.locator("#import-report")
    expect(report).to_contain_text("新增工单 1")
    expect(report).to_contain_text("第 3 行：工单类别“其他”无效")
    shot(page, "hotline-import")

    page.get_by_role("link", name="← 12345工单").click()
    page.get_by_role("link", name="待签收").click()
    page.get_by_role("link", name="第1号诉求：小区路灯不亮影响夜间出行").click()
    expect(page.locator("#caller")).to_contain_text("13900000001")
    _move(page, "accept").get_by_role("button", name="签收").click()
    expect(page.get_by_text("已签收，您是该工单的承办人")).to_be_visible()
    returning = _move(page, "request_return")
    returning.get_by_label("退单理由").fill("路灯维护属县城管局职责，请平台改派。")
    returning.get_by_role("button", name="申请退单").click()
    expect(page.locator("#order-status")).to_have_text("退单待审核")
    order_url = page.url
    _logout(page)

    _login(page, "hotline_supervisor")
    page.goto(order_url)
    expect(page.locator("#caller")).not_to_contain_text("13900000001")
    shot(page, "hotline-return-review")
    rejecting = _move(page, "reject_return")
    rejecting.get_by_label("驳回理由").fill("本局负责县城区路灯维护，继续办理。")
    rejecting.get_by_role("button", name="驳回退单").click()
    expect(page.locator("#order-status")).to_have_text("办理中")
    expect(page.locator("#return-opinion")).to_contain_text("继续办理")
    _logout(page)

    _login(page, "hotline_clerk")
    page.goto(order_url)
    reassigning = _move(page, "reassign")
    reassigning.get_by_label("改派给本机关的内设机构").select_option(label="城市管理股")
    reassigning.get_by_label("改派理由").fill("由城市管理股办理")
    reassigning.get_by_role("button", name="改派").click()
    expect(page.locator("#order-unit")).to_have_text("城市管理股")
    replying = _move(page, "reply")
    replying.get_by_label("答复内容").fill("经核实，路灯已于12月1日修复，感谢来电。")
    replying.get_by_role("button", name="答复").click()
    expect(page.locator("#order-status")).to_have_text("已答复")
    _move(page, "close").get_by_role("button", name="办结").click()
    expect(page.locator("#order-status")).to_have_text("已办结")
    callback = _move(page, "record_callback")
    callback.get_by_label("满意度").select_option(label="满意")
    callback.get_by_label("回访情况").fill("来电人对处理结果表示满意")
    callback.get_by_role("button", name="记录回访").click()
    expect(page.locator("#callback")).to_contain_text("满意")
    shot(page, "hotline-order")

    page.set_viewport_size(PHONE)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], width
    shot(page, "hotline-order-phone")
    page.goto(page.base + "/workbench/hotline/")
    expect(page.locator("#order-table")).to_contain_text("已办结")
    shot(page, "hotline-list-phone")
    assert page.console_errors == []


def test_missed_calls_are_called_back_and_the_figures_add_up(page, county, agency_a, tmp_path):
    make_staff(agency_a, "clerk", username="line_clerk", full_name="马丽")
    table = [
        call_row("C1", "2026-11-30 09:00:00", wait=4, talk=95),
        call_row("C2", "2026-11-30 09:05:00", wait=None, phone="13911112222"),
        call_row(
            "C3", "2026-11-30 09:10:00", wait=30, talk=240, transferred="是", succeeded="成功"
        ),
    ]
    upload = tmp_path / "话单.csv"
    upload.write_bytes(csv_bytes(table, CALL_HEADERS))
    _login(page, "line_clerk")
    page.get_by_role("navigation", name="工作台菜单").get_by_role("link", name="热线来电").click()
    page.get_by_role("link", name="导入话务记录").click()
    page.get_by_label("话务系统导出的来电记录").set_input_files(str(upload))
    page.get_by_role("button", name="导入").click()
    expect(page.locator("#import-report")).to_contain_text("新增来电记录 3")
    page.get_by_role("link", name="← 热线来电").click()
    page.get_by_role("link", name="未接来电待回拨").click()
    page.locator("#call-table").get_by_role("link").first.click()
    expect(page.locator("#call-phone")).to_have_text("13911112222")
    calling = _move(page, "call_back")
    calling.get_by_label("回拨结果").select_option(label="已接通")
    calling.get_by_label("回拨情况").fill("来电人咨询低保政策，已解答")
    calling.get_by_role("button", name="记录回拨").click()
    expect(page.locator("#callback-status")).to_contain_text("已回拨")

    page.get_by_role("navigation", name="工作台菜单").get_by_role("link", name="热线统计").click()
    page.get_by_label("月份").select_option(label="11月")
    page.get_by_role("button", name="查看").click()
    total = page.locator("#call-total")
    expect(total).to_contain_text("66.67%")  # 2 of 3 calls answered
    expect(total).to_contain_text("168秒")  # (95 + 240) / 2
    shot(page, "hotline-statistics")
    page.set_viewport_size(PHONE)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], width
    shot(page, "hotline-statistics-phone")
    assert page.console_errors == []
