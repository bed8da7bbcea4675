"""The work-order categories every agency starts with, and their limits in working days.

The limits are local rules taken as defaults (engagement-and-oversight.md §2, hotline-style:
咨询 2, 求助 and 建议 10, 投诉 and 举报 15 working days, 广东 and 安徽); an agency admin changes
them on the workbench, where what the spec does not state is shown as 待核实 (UNCONFIRMED): how
early a work order counts as due soon, and the most extra time a category allows (the 15 days
of the online messages, 巢湖, taken over until the city platform's own rule is known). The day
after the platform dispatched the order is day 1, as everywhere.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class CategoryDefault:
    kind: str
    limit_workdays: int
    warn_workdays: int  # UNCONFIRMED
    max_extension_workdays: int  # UNCONFIRMED
    basis: str
    unconfirmed: str  # which of the values are not confirmed, shown beside them


UNCONFIRMED = "提前提醒天数、延期上限（沿用网上留言的15个工作日）"
MAX_EXTENSION_WORKDAYS = 15

DEFAULT_CATEGORIES = (
    CategoryDefault("consult", 2, 1, MAX_EXTENSION_WORKDAYS, "广东（热线咨询类）", UNCONFIRMED),
    CategoryDefault("help", 10, 2, MAX_EXTENSION_WORKDAYS, "广东（求助、建议类）", UNCONFIRMED),
    CategoryDefault("suggest", 10, 2, MAX_EXTENSION_WORKDAYS, "广东（求助、建议类）", UNCONFIRMED),
    CategoryDefault(
        "complaint", 15, 3, MAX_EXTENSION_WORKDAYS, "广东、安徽（投诉、举报类）", UNCONFIRMED
    ),
    CategoryDefault(
        "report", 15, 3, MAX_EXTENSION_WORKDAYS, "广东、安徽（投诉、举报类）", UNCONFIRMED
    ),
)
