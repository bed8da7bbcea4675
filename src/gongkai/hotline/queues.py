"""The tabs of the work-order list: every order, those to sign for, returns waiting for review,
proposed repeats, due soon and overdue. Keys are unique across the workbench: the inbox names a
source by its queue."""

from gongkai.applications.queues import due_days
from gongkai.web.queues import Queue

from .models import OrderStatus

QUEUES: dict[str, Queue] = {
    "workorders": Queue("全部", "workorder.view", lambda qs, ask: qs),
    "workorders_new": Queue(
        "待签收", "workorder.handle", lambda qs, ask: qs.filter(status=OrderStatus.RECEIVED)
    ),
    "workorders_returns": Queue(
        "退单待审核",
        "workorder.review_return",
        lambda qs, ask: qs.filter(status=OrderStatus.RETURN_REQUESTED),
    ),
    "workorders_repeats": Queue(
        "疑似重复待并单", "workorder.handle", lambda qs, ask: qs.proposed_repeats()
    ),
    "workorders_due": Queue(
        "即将到期",
        "workorder.view",
        lambda qs, ask: qs.due_within(due_days(ask.params), ask.today),
    ),
    "workorders_overdue": Queue("已超期", "workorder.view", lambda qs, ask: qs.overdue(ask.today)),
}


CALL_QUEUES: dict[str, Queue] = {
    "calls": Queue("全部来电", "call.view", lambda qs, ask: qs),
    "calls_to_call_back": Queue("未接来电待回拨", "call.handle", lambda qs, ask: qs.to_call_back()),
    "calls_missed": Queue("未接来电", "call.view", lambda qs, ask: qs.missed()),
}
