"""Personal mobile numbers are caught; hotlines, switchboards and masked numbers are not."""

import pytest

from gongkai.checks import Severity

from .support import found


def test_mobile_number_in_a_name_list_blocks_with_a_masked_suggestion():
    text = "2024年高龄津贴发放名单：李某某，男，86岁，手机13987654321，城关镇东街社区。"
    [finding] = found(text, "phone_number")
    assert finding.severity == Severity.BLOCK
    assert finding.text == "13987654321"
    assert finding.suggestion == "139****4321"


@pytest.mark.parametrize("number", ["139 8765 4321", "139-8765-4321", "+86 13987654321"])
def test_spaced_and_international_forms_are_found(number):
    assert len(found(f"申请人{number}。", "phone_number")) == 1


def test_number_labelled_as_work_contact_is_only_a_warning():
    text = "报名咨询：县人力资源和社会保障局，联系人：王老师，联系电话：13800001111。"
    [finding] = found(text, "phone_number")
    assert finding.severity == Severity.WARN


@pytest.mark.parametrize(
    "text",
    [
        "群众可拨打12345政务服务便民热线反映诉求。",
        "政务信息96128查询专线开通试运行。",
        "县政府总机：0878-5211234，传真：0878-5215678。",
        "客服电话 400-810-1234，服务时间为工作日。",
        "张某某，手机139****4321。",
        "身份证号320106199003071234。",
    ],
)
def test_hotlines_switchboards_and_masked_numbers_are_not_personal(text):
    assert found(text, "phone_number") == []
