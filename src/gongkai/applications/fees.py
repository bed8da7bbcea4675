"""Information processing fees (信息处理费) under 国办函〔2020〕109号, as data and two functions.

No fee is the rule (条例 Art. 42); a fee may be charged only where the number or frequency of an
applicant's requests clearly exceeds a reasonable range, to regulate that behaviour. An application
is charged by one method only, never both. Both methods are progressive by excess (超额累进):
each band's rate applies only to the part that falls in it. Amounts are in 元.
"""

import math
from dataclasses import dataclass
from decimal import Decimal

from django.db import models

CENT = Decimal("0.01")


class FeeMethod(models.TextChoices):
    PER_ITEM = "per_item", "按件计收"
    PER_PAGE = "per_page", "按量计收"


class FeeError(ValueError):
    """A count that no fee can be computed for."""


@dataclass(frozen=True)
class Band:
    first: int
    last: int | None  # None: no upper end
    rate: Decimal  # 元 per unit in the band


# 按件计收: the n-th application of the same applicant to the same organ in one calendar month.
PER_ITEM_BANDS = (
    Band(1, 10, Decimal(0)),
    Band(11, 30, Decimal(100)),
)
# Past the last band, every further block of 10 applications costs 100 元 more each
# (31st–40th: 200 元, 41st–50th: 300 元 …).
PER_ITEM_STEP_SIZE = 10
PER_ITEM_STEP_INCREASE = Decimal(100)

# 按量计收: pages of one application (paper copies, e-mail, copied electronic data).
PER_PAGE_BANDS = (
    Band(1, 30, Decimal(0)),
    Band(31, 100, Decimal(10)),
    Band(101, 200, Decimal(20)),
    Band(201, None, Decimal(40)),
)


def per_item_fee(nth_in_month: int) -> Decimal:
    """The fee for an applicant's `nth_in_month` application to one organ in a calendar month."""
    if isinstance(nth_in_month, bool) or not isinstance(nth_in_month, int) or nth_in_month < 1:
        raise FeeError(f"当月第几件申请应为正整数，收到「{nth_in_month}」")
    for band in PER_ITEM_BANDS:
        if band.last is None or nth_in_month <= band.last:
            return band.rate.quantize(CENT)
    last = PER_ITEM_BANDS[-1]
    steps = math.ceil((nth_in_month - last.last) / PER_ITEM_STEP_SIZE)
    return (last.rate + PER_ITEM_STEP_INCREASE * steps).quantize(CENT)


def per_page_fee(pages: int) -> Decimal:
    """The fee for one application of `pages` pages, each band charging only its own pages."""
    if isinstance(pages, bool) or not isinstance(pages, int) or pages < 0:
        raise FeeError(f"页数应为不小于 0 的整数，收到「{pages}」")
    total = Decimal(0)
    for band in PER_PAGE_BANDS:
        top = pages if band.last is None else min(pages, band.last)
        if top >= band.first:
            total += band.rate * (top - band.first + 1)
    return total.quantize(CENT)
