"""The queues of the 依申请公开 list: which cases each tab shows, and who sees them.

The tabs a handler works from, and the ones the inbox links to (`applications.inbox`): new
cases nobody has been given, cases waiting for the applicant's 补正 or fee, extensions waiting
for the office head's approval.
"""

from collections.abc import Mapping

from gongkai.web.params import integer
from gongkai.web.queues import Queue

from .ledger import OPEN_STATUSES

DUE_SOON_DEFAULT = 5
MAX_DUE_DAYS = 60


def due_days(params: Mapping[str, str]) -> int:
    """The `days` of the 即将到期 tab: 1 to 60 working days, 5 unless the address says."""
    return integer(params.get("days"), minimum=1, maximum=MAX_DUE_DAYS, default=DUE_SOON_DEFAULT)


def _q(label: str, narrow, action: str = "case.view") -> Queue:
    return Queue(label, action, narrow)


QUEUES: dict[str, Queue] = {
    "open": _q("全部在办", lambda qs, ask: qs.open()),
    "mine": _q("我承办的", lambda qs, ask: qs.open().handled_by(ask.user)),
    "unassigned": _q("待分办", lambda qs, ask: qs.unassigned(), "case.handle"),
    "due": _q("即将到期", lambda qs, ask: qs.due_within(due_days(ask.params), ask.today)),
    "overdue": _q("已超期", lambda qs, ask: qs.overdue(ask.today)),
    "paused": _q("中止计时", lambda qs, ask: qs.paused()),
    "waiting": _q("等待申请人", lambda qs, ask: qs.waiting_for_applicant()),
    "correction": _q("待补正", lambda qs, ask: qs.awaiting_correction(), "case.handle"),
    "fee": _q("待缴费", lambda qs, ask: qs.awaiting_fee(), "case.handle"),
    # Art. 33¶2: the office head approves; the tab lists only where the user may approve.
    "extension": _q(
        "延期待批准", lambda qs, ask: qs.extension_awaiting_approval(), "case.approve_extension"
    ),
    "provisional": _q("期限暂定", lambda qs, ask: qs.due_provisional()),
    "unknown": _q("期限待定", lambda qs, ask: qs.due_unknown()),
    "done": _q("已答复", lambda qs, ask: qs.exclude(status__in=OPEN_STATUSES)),
}
