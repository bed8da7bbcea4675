"""The tabs of the message list: every message, those held as possible spam, those waiting to
be taken up, due soon, overdue, and replies waiting for the leader's check. Keys are unique
across the workbench: the inbox names a source by its queue."""

from gongkai.applications.queues import due_days
from gongkai.web.queues import Queue

from .models import MessageStatus

QUEUES: dict[str, Queue] = {
    "messages": Queue("全部", "message.view", lambda qs, ask: qs),
    "messages_new": Queue(
        "待受理", "message.handle", lambda qs, ask: qs.filter(status=MessageStatus.RECEIVED)
    ),
    "messages_held": Queue(
        "疑似垃圾信息待核", "message.handle", lambda qs, ask: qs.filter(status=MessageStatus.HELD)
    ),
    "messages_due": Queue(
        "即将到期",
        "message.view",
        lambda qs, ask: qs.due_within(due_days(ask.params), ask.today),
    ),
    "messages_overdue": Queue("已超期", "message.view", lambda qs, ask: qs.overdue(ask.today)),
    "messages_check": Queue(
        "答复待审核", "message.check", lambda qs, ask: qs.filter(status=MessageStatus.CHECKING)
    ),
}
