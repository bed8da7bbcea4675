"""Dates that cannot describe a real case are refused with a Chinese message."""

from datetime import date

import pytest

from gongkai.applications.clock import ClockError, clock_status, reply_due_date


def d(text: str) -> date:
    return date.fromisoformat(text)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            {"correction_received": d("2025-11-01")},
            "补正后申请的收到日期 2025-11-01 早于原申请的收到日期 2025-11-03",
        ),
        (
            {"pauses": [(d("2025-11-10"), d("2025-11-07"))]},
            "中止计时的结束日期 2025-11-07 早于开始日期 2025-11-10",
        ),
        (
            {"pauses": [(d("2025-10-31"), d("2025-11-07"))]},
            "中止计时的开始日期 2025-10-31 早于申请的收到日期 2025-11-03",
        ),
        (
            {"pauses": [(d("2025-11-05"), d("2025-11-12")), (d("2025-11-10"), d("2025-11-14"))]},
            "中止计时期间重叠：2025-11-05 至 2025-11-12 与 2025-11-10 至 2025-11-14",
        ),
        ({"extension_workdays": -1}, "延长的工作日数不能为负数"),
    ],
)
def test_impossible_dates_are_refused(arguments, message):
    with pytest.raises(ClockError, match=message):
        reply_due_date(d("2025-11-03"), **arguments)
    with pytest.raises(ClockError, match=message):
        clock_status(d("2025-11-03"), d("2025-11-20"), **arguments)


def test_back_to_back_pauses_are_not_overlapping():
    # One consultation ends the day the next begins: 6, 7 and 10 Nov are not counted.
    pauses = [(d("2025-11-05"), d("2025-11-07")), (d("2025-11-07"), d("2025-11-10"))]
    assert reply_due_date(d("2025-11-03"), pauses=pauses) == d("2025-12-04")
