"""Table tests of every channel's clock on the real 2026 calendar: the day after receipt is day
1; a message received on the Friday before National Day (25 September, itself 中秋节) starts on
Monday 28 September and skips 1–7 October, counting the make-up Saturday 10 October; a complex
message has the longer limit; an extension adds its days once, before the deadline and within
the channel's maximum; a deadline in 2027 is provisional until that year's notice is imported."""

from datetime import date

import pytest

from gongkai.calendar import workdays
from gongkai.engagement import clock
from gongkai.engagement.defaults import DEFAULT_CHANNELS

pytestmark = pytest.mark.django_db

LIMITS = {
    c.kind: clock.Limits(c.reply_workdays, c.complex_workdays, c.max_extension_workdays)
    for c in DEFAULT_CHANNELS
}
NATIONAL_DAY_FRIDAY = date(2026, 9, 25)


@pytest.fixture(autouse=True)
def _fresh_calendar():
    workdays.invalidate()
    yield
    workdays.invalidate()


@pytest.mark.parametrize(
    ("kind", "complex_case", "extension", "due"),
    [
        ("question", False, 0, date(2026, 9, 30)),
        ("question", True, 0, date(2026, 10, 15)),
        ("question", False, 5, date(2026, 10, 13)),
        ("suggestion", False, 0, date(2026, 10, 12)),
        ("suggestion", True, 0, date(2026, 10, 22)),
        ("complaint", False, 0, date(2026, 10, 22)),
        ("error_report", False, 0, date(2026, 9, 30)),
        ("leader_mailbox", False, 0, date(2026, 10, 12)),
    ],
)
def test_received_the_friday_before_national_day(kind, complex_case, extension, due):
    assert (
        clock.reply_due(
            NATIONAL_DAY_FRIDAY, LIMITS[kind], complex_case=complex_case, extension=extension
        )
        == due
    )


def test_a_reply_on_the_day_of_receipt_took_no_working_day():
    assert clock.used_workdays(NATIONAL_DAY_FRIDAY, NATIONAL_DAY_FRIDAY) == 0
    assert clock.used_workdays(NATIONAL_DAY_FRIDAY, date(2026, 10, 8)) == 4


@pytest.mark.parametrize(
    ("workdays_asked", "on", "extended", "refusal"),
    [
        (5, date(2026, 9, 29), 0, None),
        (15, date(2026, 9, 30), 0, None),
        (16, date(2026, 9, 29), 0, "延期须为1至15个工作日（本渠道的延期上限）"),
        (0, date(2026, 9, 29), 0, "延期须为1至15个工作日（本渠道的延期上限）"),
        (5, date(2026, 10, 8), 0, "答复期限（2026-09-30）已过，不能再延期，应尽快答复"),
        (5, date(2026, 9, 29), 5, "每件留言只能延期一次"),
    ],
)
def test_an_extension_is_once_before_the_deadline_within_the_maximum(
    workdays_asked, on, extended, refusal
):
    due = clock.reply_due(NATIONAL_DAY_FRIDAY, LIMITS["question"])
    if refusal is None:
        clock.check_extension(LIMITS["question"], workdays_asked, on=on, due=due, extended=extended)
    else:
        with pytest.raises(clock.ExtensionRefused, match=refusal):
            clock.check_extension(
                LIMITS["question"], workdays_asked, on=on, due=due, extended=extended
            )


def test_a_deadline_in_a_provisional_year_says_so():
    received = date(2026, 12, 25)
    due = clock.reply_due(received, LIMITS["complaint"])
    assert due.year == 2027
    assert clock.due_note(received, due) == "暂定，按法定节假日推算，2027年节假日安排公布后自动更新"
    assert clock.due_note(NATIONAL_DAY_FRIDAY, date(2026, 9, 30)) == ""
