"""What 依申请公开 puts in a staff user's inbox (待办), each a tab of the case list."""

from django.conf import settings

from gongkai.web.queues import Source

from .models import Application
from .queues import QUEUES

AREA = "依申请公开"


def _source(title: str, queue: str, **params: str) -> Source:
    return Source(AREA, title, Application, "cases:list", QUEUES, queue, params)


SOURCES = (
    _source("新收到、尚未分办的申请", "unassigned"),
    _source("已超期未答复的申请", "overdue"),
    # The reminder horizon `gongkai tick` has always used.
    _source(
        f"{settings.GONGKAI_REMIND_WITHIN_WORKDAYS}个工作日内到期的申请",
        "due",
        days=str(settings.GONGKAI_REMIND_WITHIN_WORKDAYS),
    ),
    _source("延期答复待批准", "extension"),
    _source("等待申请人补正", "correction"),
    _source("等待申请人缴费", "fee"),
)
