"""What the 12345 hotline puts in an inbox (待办): work orders to sign for, returns waiting for
review, proposed repeats, orders due soon or overdue, missed calls to call back."""

from django.conf import settings

from gongkai.web.queues import Source

from .models import Call, WorkOrder
from .queues import CALL_QUEUES, QUEUES

AREA = "12345热线"


def _source(title: str, queue: str, **params: str) -> Source:
    return Source(AREA, title, WorkOrder, "hotline:list", QUEUES, queue, params)


SOURCES = (
    _source("平台派来待签收的工单", "workorders_new"),
    _source("待审核的退单申请", "workorders_returns"),
    _source("疑似重复、待并单的工单", "workorders_repeats"),
    _source(
        f"{settings.GONGKAI_REMIND_WITHIN_WORKDAYS}个工作日内到期的工单",
        "workorders_due",
        days=str(settings.GONGKAI_REMIND_WITHIN_WORKDAYS),
    ),
    _source("超过办理期限的工单", "workorders_overdue"),
)


CALL_SOURCES = (
    Source(AREA, "未接来电待回拨", Call, "hotline:calls", CALL_QUEUES, "calls_to_call_back"),
)
