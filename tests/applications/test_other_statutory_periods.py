"""The other periods of the 条例 and 国办函〔2020〕109号, counted like the reply period."""

from datetime import date

import pytest

from gongkai.applications.clock import (
    correction_notice_due,
    fee_payment_due,
    third_party_answer_due,
)
from gongkai.catalog.deadlines import proactive_publication_due


@pytest.mark.parametrize(
    ("period", "trigger", "due"),
    [
        (correction_notice_due, "2025-09-26", "2025-10-13"),  # 7 WD, Art. 30
        (correction_notice_due, "2025-09-27", "2025-10-13"),  # received on a Saturday
        (third_party_answer_due, "2025-09-26", "2025-10-23"),  # 15 WD, Art. 32
        (fee_payment_due, "2025-09-26", "2025-10-30"),  # 20 WD, 109号
        (proactive_publication_due, "2025-09-26", "2025-10-30"),  # 20 WD, Art. 26
        (proactive_publication_due, "2025-12-31", "2026-01-29"),
        (fee_payment_due, "2025-01-20", "2025-02-21"),  # across Spring Festival
    ],
)
def test_period(period, trigger, due):
    assert period(date.fromisoformat(trigger)) == date.fromisoformat(due)
