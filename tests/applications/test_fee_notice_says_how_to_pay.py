"""The fee notice says how and where to pay, from the agency's settings; an agency with none
gets a notice that gives the office's phone, and the clerk is warned before issuing it."""

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from gongkai.applications import letters, services
from tests.applications.cases import d, make_case
from tests.conftest import login, make_staff


def _fee_notice(agency, clerk):
    case = make_case(agency, "2025-10-27", user=clerk)
    services.assess_fee(case, on=d("2025-10-30"), method="per_page", pages=50, user=clerk)
    return letters.generate(case, "fee", user=clerk).text, case


@time_machine.travel("2025-11-20 10:00 +0800")
def test_the_notice_names_the_account_and_the_counter(agency_a):
    agency_a.fee_payee = "测试县财政局非税收入专户"
    agency_a.fee_bank = "中国农业银行测试县支行"
    agency_a.fee_account = "6228480012345678901"
    agency_a.fee_counter = "县政务服务中心一楼3号窗口（工作日9:00—12:00、14:00—17:00）"
    agency_a.save()
    clerk = make_staff(agency_a, "clerk")
    text, case = _fee_notice(agency_a, clerk)
    assert (
        "您可以通过银行汇款缴纳（收款单位：测试县财政局非税收入专户；开户银行：中国农业银行测试县"
        f"支行；账号：6228480012345678901；汇款时请注明申请编号{case.number}），也可以到县政务"
        "服务中心一楼3号窗口（工作日9:00—12:00、14:00—17:00）现场缴纳。"
    ) in text
    assert "20个工作日内" in text and "国办函〔2020〕109号" in text
    page = login(clerk).get(reverse("cases:move_fee", args=[case.pk])).content.decode()
    assert "尚未设置信息处理费的缴费方式" not in page


@time_machine.travel("2025-11-20 10:00 +0800")
def test_without_payment_details_the_notice_gives_the_phone_and_the_clerk_is_warned(agency_a):
    agency_a.disclosure_office = "测试县甲局办公室"
    agency_a.disclosure_office_phone = "0878-5300001"
    agency_a.save()
    clerk = make_staff(agency_a, "clerk")
    case = make_case(agency_a, "2025-10-27", user=clerk)
    page = login(clerk).get(reverse("cases:move_fee", args=[case.pk])).content.decode()
    assert "本机关尚未设置信息处理费的缴费方式" in page
    text, _ = _fee_notice(agency_a, clerk)
    assert "缴费方式请致电测试县甲局办公室（电话：0878-5300001）咨询。" in text


def test_a_bank_transfer_needs_payee_bank_and_account(agency_a):
    agency_a.fee_payee = "测试县财政局非税收入专户"
    with pytest.raises(ValidationError) as refused:
        agency_a.full_clean()
    assert refused.value.message_dict["fee_bank"] == ["汇款缴费须同时填写收款单位、开户银行和账号"]
