"""The tabs of the catalog list: every item, and the ones waiting for their next move."""

from gongkai.web.queues import Queue

from .models import ItemStatus

QUEUES: dict[str, Queue] = {
    "all": Queue("全部", "item.view", lambda qs, ask: qs),
    "returned": Queue(
        "退回修改", "item.change", lambda qs, ask: qs.filter(status=ItemStatus.RETURNED)
    ),
    "to_publish": Queue(
        "审查通过待公开", "item.publish", lambda qs, ask: qs.awaiting_publication()
    ),
    "scheduled": Queue("已定时公开", "item.publish", lambda qs, ask: qs.scheduled()),
}
