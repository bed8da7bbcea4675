"""An application is answered within 20 working days after the day it was received (Art. 33)."""

from datetime import date

import pytest

from gongkai.applications.clock import reply_due_date


# ogi-spec §7; the receipt day is never counted.
@pytest.mark.parametrize(
    ("received", "due", "why"),
    [
        ("2025-09-26", "2025-10-30", "National Day week, make-up days 9-28 and 10-11 counted"),
        ("2025-09-27", "2025-10-30", "received on a Saturday: counting starts on the 9-28 Sunday"),
        ("2025-01-20", "2025-02-21", "Spring Festival week not counted"),
        ("2025-12-31", "2026-01-29", "across the year boundary and New Year"),
        ("2025-11-03", "2025-12-01", "an ordinary month"),
    ],
)
def test_reply_due_date(received, due, why):
    assert reply_due_date(date.fromisoformat(received)) == date.fromisoformat(due), why
