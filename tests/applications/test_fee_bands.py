"""Processing fees under 国办函〔2020〕109号: progressive per-item and per-page bands."""

from decimal import Decimal

import pytest

from gongkai.applications.fees import FeeError, per_item_fee, per_page_fee


@pytest.mark.parametrize(
    ("pages", "fee"),
    [
        (0, "0"),
        (30, "0"),
        (31, "10"),
        (100, "700"),
        (101, "720"),
        (200, "2700"),
        (201, "2740"),
        (2219, "83460"),  # the published case: 700 + 2 000 + 80 760
    ],
)
def test_per_page_fee(pages, fee):
    assert per_page_fee(pages) == Decimal(fee)
    assert isinstance(per_page_fee(pages), Decimal)


@pytest.mark.parametrize(
    ("nth", "fee"),
    [
        (1, "0"),
        (10, "0"),
        (11, "100"),
        (30, "100"),
        (31, "200"),
        (40, "200"),
        (41, "300"),
        (50, "300"),
        (51, "400"),
    ],
)
def test_per_item_fee(nth, fee):
    assert per_item_fee(nth) == Decimal(fee)


@pytest.mark.parametrize(
    ("compute", "value", "message"),
    [
        (per_item_fee, 0, "当月第几件申请应为正整数"),
        (per_item_fee, "11", "当月第几件申请应为正整数"),
        (per_page_fee, -1, "页数应为不小于 0 的整数"),
        (per_page_fee, 3.5, "页数应为不小于 0 的整数"),
    ],
)
def test_nonsense_counts_are_refused(compute, value, message):
    with pytest.raises(FeeError, match=message):
        compute(value)
