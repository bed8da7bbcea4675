"""A written year with an empty month or day («2026年月日») is an unfinished date."""

import pytest

from .support import found


@pytest.mark.parametrize(
    ("text", "date", "missing"),
    [
        ("县人民政府办公室\n2026年月日", "2026年月日", "月份和日期"),
        ("印发日期：二〇二六年 月 日", "二〇二六年 月 日", "月份和日期"),
        ("本公示自2026年11月日起至12月10日止。", "2026年11月日", "日期"),
        ("成文日期：2026年月18日", "2026年月18日", "月份"),
    ],
)
def test_empty_month_or_day_is_found(text, date, missing):
    [finding] = found(text, "incomplete_date")
    assert finding.text == date
    assert text[finding.start : finding.end] == date
    assert f"缺少{missing}" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "2026年11月18日",
        "请填写出生年月日。",
        # A form published for applicants to fill in leaves the whole date blank.
        "申请人（签名）：\n        年    月    日",
        "2026年月度考核结果",
    ],
)
def test_complete_or_fill_in_dates_are_not_found(text):
    assert found(text, "incomplete_date") == []
