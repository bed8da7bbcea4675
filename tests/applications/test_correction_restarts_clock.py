"""After a 补正, the 20 working days start again from the corrected application (Art. 30)."""

from datetime import date

import pytest

from gongkai.applications.clock import reply_due_date


@pytest.mark.parametrize(
    ("received", "correction_received", "due"),
    [
        # Without the correction the reply was due 2025-10-30; 10-11 (Sat) is the 2nd day.
        ("2025-09-26", "2025-10-09", "2025-11-05"),
        # Corrected on a Saturday: the count starts on Monday.
        ("2025-11-03", "2025-11-08", "2025-12-05"),
        # Corrected the same day: nothing moves.
        ("2025-11-03", "2025-11-03", "2025-12-01"),
    ],
)
def test_correction_restarts_the_clock(received, correction_received, due):
    assert reply_due_date(
        date.fromisoformat(received), correction_received=date.fromisoformat(correction_received)
    ) == date.fromisoformat(due)
