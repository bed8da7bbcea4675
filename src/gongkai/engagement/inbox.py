"""What 政民互动 puts in an inbox (待办): messages to take up or held as possible spam, due soon
or overdue, and replies waiting for the leader's check."""

from django.conf import settings

from gongkai.web.queues import Source

from .models import Consultation, Message
from .queues import CONSULTATION_QUEUES, QUEUES

AREA = "政民互动"


def _source(title: str, queue: str, **params: str) -> Source:
    return Source(AREA, title, Message, "engagement:list", QUEUES, queue, params)


SOURCES = (
    _source("网上留言、来信来访待受理", "messages_new"),
    _source("疑似垃圾信息、待人工核实的留言", "messages_held"),
    _source(
        f"{settings.GONGKAI_REMIND_WITHIN_WORKDAYS}个工作日内到期的留言",
        "messages_due",
        days=str(settings.GONGKAI_REMIND_WITHIN_WORKDAYS),
    ),
    _source("超过答复期限的留言", "messages_overdue"),
    _source("待领导审核的留言答复", "messages_check"),
)


def _consultations(title: str, queue: str) -> Source:
    return Source(AREA, title, Consultation, "engagement:consultations", CONSULTATION_QUEUES, queue)


SOURCES += (
    _consultations("意见征集中待审核的意见", "consultations_comments"),
    _consultations("征集期已满、待截止的意见征集", "consultations_ended"),
    _consultations("已截止、待公布采纳情况的意见征集", "consultations_result"),
)
