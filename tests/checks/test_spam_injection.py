"""Injected gambling and porn spam is caught; lottery and venue notices are not."""

import pytest

from gongkai.checks import Severity

from .support import found, found_texts


def test_casino_brand_and_link_bait_in_a_defaced_title_block():
    text = "开云手机官网入口·(中国)官方网站励家镇2017年度政府信息公开工作报告"
    findings = found(text, "spam_injection")
    assert [f.text for f in findings] == ["开云手机", "官网入口", "·(中国)官方网站"]
    assert {f.severity for f in findings} == {Severity.BLOCK}


def test_brand_matching_ignores_latin_case():
    assert found_texts("欢迎访问KaiYun体育，注册即送888元。", "spam_injection") == [
        "KaiYun",
        "注册即送",
    ]


def test_gambling_terms_that_also_appear_in_police_notices_are_warnings():
    [finding] = found("县公安局破获一起利用网络平台组织百家乐赌博案。", "spam_injection")
    assert finding.severity == Severity.WARN


def test_non_government_domain_in_body_text_is_a_warning():
    text = "详情请访问 www.bet-888win.com/reg 了解。"
    [finding] = found(text, "spam_injection")
    assert finding.severity == Severity.WARN
    assert "bet-888win.com" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "市民政局负责本行政区域内福利彩票发行销售的监督管理，2023年筹集彩票公益金1.2亿元。",
        "关于核发星光娱乐有限公司《娱乐经营许可证》的公示：该娱乐场所位于城关镇人民路18号。",
        "县公安局依法打击开设赌场犯罪，查处赌博案件12起。",
        "公开的政府信息可在赣州市扶贫和移民信息网（www.gzsfpym.gov.cn）查询。",
        "请登录国家政务服务平台 https://gjzwfw.www.gov.cn/ 办理。",
        "来函请发送至 xxgk@example.com.cn 邮箱。",
        "本通知依据《体育彩票管理办法》第十二条制定。",
    ],
)
def test_legitimate_public_content_is_not_spam(text):
    assert found(text, "spam_injection") == []
