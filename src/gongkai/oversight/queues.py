"""The tabs of the remedy list (整改任务): those due within a week or overdue, for the agency
that owes them; those answered and awaiting re-check, and those overdue, for the 主管部门.
Keys are unique across the workbench."""

from datetime import timedelta

from gongkai.web.queues import Queue

from .models import RemedyStatus, RoundStatus

DUE_SOON_DAYS = 7


def _pending(qs):
    return qs.filter(status=RemedyStatus.PENDING, deduction__round__status=RoundStatus.OPEN)


QUEUES: dict[str, Queue] = {
    "remedies_due": Queue(
        "即将到期或已逾期",
        "oversight.remedy",
        lambda qs, ask: _pending(qs).filter(due_on__lte=ask.today + timedelta(days=DUE_SOON_DAYS)),
    ),
    "remedies_to_check": Queue(
        "待复核",
        "oversight.manage",
        lambda qs, ask: qs.filter(
            status=RemedyStatus.ANSWERED, deduction__round__status=RoundStatus.OPEN
        ),
    ),
    "remedies_overdue": Queue(
        "逾期未整改",
        "oversight.manage",
        lambda qs, ask: _pending(qs).filter(due_on__lt=ask.today),
    ),
    "remedies": Queue("全部整改任务", "oversight.view", lambda qs, ask: qs),
}
