"""What the catalog puts in a clerk's inbox (待办): returned versions to revise, approved ones
to publish, and publications already scheduled."""

from gongkai.web.queues import Source

from .models import InfoItem
from .queues import QUEUES

AREA = "主动公开"


def _source(title: str, queue: str) -> Source:
    return Source(AREA, title, InfoItem, "catalog:item_list", QUEUES, queue)


SOURCES = (
    _source("审查退回、待修改的信息", "returned"),
    _source("审查通过、待公开的信息", "to_publish"),
    _source("已定时、待自动公开的信息", "scheduled"),
)
