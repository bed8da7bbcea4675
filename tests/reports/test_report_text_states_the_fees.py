"""The draft's 「其他需要报告的事项」 states the 信息处理费 the cases collected in the year, not a
fixed 0元 (a false statement once published)."""

import time_machine

from gongkai.applications import services as cases
from gongkai.reports import services
from tests.applications.cases import d, make_case
from tests.conftest import make_staff


def test_the_fee_total_comes_from_the_paid_cases(agency_a):
    clerk = make_staff(agency_a, "clerk", "leader")
    with time_machine.travel("2026-02-02 10:00 +0800", tick=False):
        paid = make_case(agency_a, "2025-03-02", user=clerk)
        cases.assess_fee(
            paid,
            on=d("2025-03-04"),
            method="per_page",
            pages=50,
            charged="120.50",
            reduction_reason="申请人经济困难，予以减收",
            user=clerk,
        )
        cases.fee_paid(paid, on=d("2025-03-10"), user=clerk)
        # Paid in the next year: counted there, not here.
        late = make_case(agency_a, "2025-12-18", user=clerk)
        cases.assess_fee(late, on=d("2025-12-22"), method="per_page", pages=50, user=clerk)
        cases.fee_paid(late, on=d("2026-01-05"), user=clerk)
        # Never paid: deemed abandoned, nothing collected.
        lapsed = make_case(agency_a, "2025-05-05", user=clerk)
        cases.assess_fee(lapsed, on=d("2025-05-06"), method="per_page", pages=50, user=clerk)
        cases.lapse_fee(lapsed, on=d("2025-06-16"), user=clerk)

        report = services.create_draft(agency_a, 2025, user=clerk)
        next_year = services.create_draft(agency_a, 2026, user=clerk)

    assert "收取信息处理费1件，共计120.5元。" in report.other_matters
    assert "因申请人逾期未缴纳信息处理费不再处理的申请1件。" in report.other_matters
    assert "收取信息处理费1件，共计200元。" in next_year.other_matters
