"""An approved extension adds working days to the reply period, 20 at most (Art. 33)."""

from datetime import date

import pytest

from gongkai.applications.clock import ClockError, ExtensionTooLong, reply_due_date


def d(text: str) -> date:
    return date.fromisoformat(text)


@pytest.mark.parametrize(
    ("extension", "due"),
    [(0, "2025-12-01"), (5, "2025-12-08"), (20, "2025-12-29")],
)
def test_extension_adds_working_days(extension, due):
    assert reply_due_date(d("2025-11-03"), extension_workdays=extension) == d(due)


def test_extension_after_correction_and_pause():
    # From the 补正 of 9 Oct: 30 working days reach 19 Nov; the pause stops 21 and 22 Oct.
    assert reply_due_date(
        d("2025-09-26"),
        correction_received=d("2025-10-09"),
        pauses=[(d("2025-10-20"), d("2025-10-22"))],
        extension_workdays=10,
    ) == d("2025-11-21")


def test_extension_over_20_is_refused():
    with pytest.raises(
        ExtensionTooLong, match=r"延长答复期限最长 20 个工作日.*不能延长 21 个工作日"
    ):
        reply_due_date(d("2025-11-03"), extension_workdays=21)


def test_refusal_is_a_value_error_callers_can_catch():
    assert issubclass(ExtensionTooLong, ClockError)
    assert issubclass(ClockError, ValueError)
