"""Dates with a missing or blanked year are caught; relative years and full dates are not."""

import pytest

from .support import found, found_texts


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("截止年12月31日，共公开信息30余条。", ["年12月31日"]),
        ("统计期限自年1月1日起至年12月31日。", ["年1月1日", "年12月31日"]),
        ("推进工作。\n年3月11日在网站上公开了年度报告。", ["年3月11日"]),
        ("六、行政复议情况\n年我局没有发生行政复议。", ["年"]),
        ("五、咨询处理情况\n\n年度,我局安装了查询专线电话。", ["年度"]),
        ("一、概述 年,我市认真贯彻落实条例。", ["年"]),
        ("落款日期：××年×月×日", ["××年×月×日"]),
    ],
)
def test_missing_year_is_found(text, dates):
    assert found_texts(text, "incomplete_date") == dates


def test_message_explains_the_problem():
    [finding] = found("截止年12月31日", "incomplete_date")
    assert "缺少年份" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "截至2023年12月31日，共公开信息30余条。",
        "2023 年 12 月 31 日",
        "二〇二三年十二月三十一日",
        "今年1月以来，去年12月底，每年3月31日前，次年1月。",
        "新中国成立70周年，我市举办系列活动。",
        "九、年度重点工作及取得的成效",
        "过去一年，我局认真落实条例。",
        "二○○○年起施行。",
    ],
)
def test_complete_and_relative_dates_pass(text):
    assert found(text, "incomplete_date") == []
