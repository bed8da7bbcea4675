"""A consultation or fee window stops the clock: working days after its start up to and including
its end are not counted (Art. 32–34)."""

from datetime import date

import pytest

from gongkai.applications.clock import reply_due_date


def d(text: str) -> date:
    return date.fromisoformat(text)


# Received Mon 2025-11-03; with no pause the reply is due Mon 2025-12-01.
@pytest.mark.parametrize(
    ("pauses", "due", "why"),
    [
        ([], "2025-12-01", "no pause"),
        ([("2025-11-07", "2025-11-14")], "2025-12-08", "10–14 Nov (5 days) not counted"),
        (
            [("2025-11-07", "2025-11-14"), ("2025-11-20", "2025-11-21")],
            "2025-12-09",
            "two pauses: 5 days and 1 day",
        ),
        (
            [("2025-11-20", "2025-11-21"), ("2025-11-07", "2025-11-14")],
            "2025-12-09",
            "pauses in any order",
        ),
        ([("2025-11-07", "2025-11-09")], "2025-12-01", "a pause over a weekend stops nothing"),
        ([("2025-11-28", "2025-12-05")], "2025-12-08", "paused with one day left"),
        ([("2025-12-01", "2025-12-05")], "2025-12-01", "a pause from the last day comes too late"),
        ([("2025-12-02", "2025-12-10")], "2025-12-01", "a pause after the due date moves nothing"),
        ([("2025-11-03", "2025-11-07")], "2025-12-05", "a pause from the day of receipt"),
    ],
)
def test_pauses(pauses, due, why):
    pauses = [(d(start), d(end)) for start, end in pauses]
    assert reply_due_date(d("2025-11-03"), pauses=pauses) == d(due), why


def test_a_pause_across_national_day_counts_only_working_days():
    # Received Fri 2025-09-19, due Thu 23 Oct. Paused Wed 24 Sep to Thu 9 Oct: it stops 25, 26,
    # 28 (the make-up Sunday), 29, 30 Sep and 9 Oct; 1–8 Oct were off anyway.
    assert reply_due_date(d("2025-09-19")) == d("2025-10-23")
    assert reply_due_date(d("2025-09-19"), pauses=[(d("2025-09-24"), d("2025-10-09"))]) == d(
        "2025-10-31"
    )


def test_a_pause_before_the_correction_is_not_counted_twice():
    # Consulted 5–10 Nov while waiting for the 补正 that arrived on the 7th: only 10 Nov stops.
    assert reply_due_date(
        d("2025-11-03"),
        correction_received=d("2025-11-07"),
        pauses=[(d("2025-11-05"), d("2025-11-10"))],
    ) == d("2025-12-08")
