"""On any day a case shows working days used and left, whether it is paused, and how late it is."""

from datetime import date

import pytest

from gongkai.applications.clock import clock_status


def d(text: str) -> date:
    return date.fromisoformat(text)


# Received Mon 3 Nov 2025, consultation 7–14 Nov: due Mon 8 Dec.
PAUSE = [(d("2025-11-07"), d("2025-11-14"))]


@pytest.mark.parametrize(
    ("on", "used", "left", "paused", "overdue", "overdue_workdays"),
    [
        ("2025-11-01", 0, 20, False, False, 0),  # before receipt
        ("2025-11-03", 0, 20, False, False, 0),  # day of receipt
        ("2025-11-07", 4, 16, False, False, 0),  # the pause's first day still counts
        ("2025-11-12", 4, 16, True, False, 0),
        ("2025-11-19", 7, 13, False, False, 0),
        ("2025-12-08", 20, 0, False, False, 0),  # the due date itself is in time
        ("2025-12-10", 20, 0, False, True, 2),
        ("2025-12-13", 20, 0, False, True, 4),  # a Saturday: late by 9–12 Dec
    ],
)
def test_status_on_a_day(on, used, left, paused, overdue, overdue_workdays):
    status = clock_status(d("2025-11-03"), d(on), pauses=PAUSE)
    assert status.due == d("2025-12-08")
    assert (status.used, status.left, status.paused) == (used, left, paused)
    assert (status.overdue, status.overdue_workdays) == (overdue, overdue_workdays)


def test_a_pause_still_running_ends_on_the_day_asked_about():
    status = clock_status(
        d("2025-11-03"), d("2025-11-12"), pauses=[(d("2025-11-07"), d("2025-11-12"))]
    )
    assert (status.used, status.left, status.paused) == (4, 16, True)
    assert status.due == d("2025-12-04")  # as if the consultation ended today


def test_extension_counts_in_the_days_allowed():
    status = clock_status(d("2025-11-03"), d("2025-12-02"), extension_workdays=20)
    assert (status.allowed, status.used, status.left, status.overdue) == (40, 21, 19, False)
