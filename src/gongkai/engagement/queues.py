"""The tabs of the message list: every message, the user's own (我的), those of a unit, those
held as possible spam, those waiting to be taken up, due soon, overdue, and replies waiting for
the leader's check. Keys are unique
across the workbench: the inbox names a source by its queue."""

from django.db.models import Exists, OuterRef

from gongkai.agencies.models import Membership
from gongkai.applications.queues import due_days
from gongkai.web.params import integer
from gongkai.web.queues import Ask, Queue

from .models import CommentStatus, ConsultationComment, ConsultationStatus, MessageStatus


def _units_of(qs, ask: Ask):
    """The unit named in the address (`?unit=`), else the units the user works in."""
    unit = integer(ask.params.get("unit"), minimum=1)
    if unit is not None:
        return qs.filter(unit_id=unit)
    return qs.filter(
        unit__in=Membership.objects.filter(user=ask.user, unit__isnull=False).values("unit")
    )


QUEUES: dict[str, Queue] = {
    "messages": Queue("全部", "message.view", lambda qs, ask: qs),
    "messages_mine": Queue("我的", "message.handle", lambda qs, ask: qs.handled_by(ask.user)),
    "messages_unit": Queue("按承办机构", "message.view", lambda qs, ask: _units_of(qs, ask).open()),
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


# 意见征集: every consultation, those taking comments, those with comments to review, those
# whose period is over but still open, and those waiting for their 采纳情况.
_waiting_comments = ConsultationComment.objects.filter(
    consultation=OuterRef("pk"), status__in=(CommentStatus.HELD, CommentStatus.PENDING)
)
CONSULTATION_QUEUES: dict[str, Queue] = {
    "consultations": Queue("全部", "consultation.view", lambda qs, ask: qs),
    "consultations_open": Queue(
        "征集中",
        "consultation.view",
        lambda qs, ask: qs.filter(status=ConsultationStatus.OPEN, closes_on__gte=ask.today),
    ),
    "consultations_comments": Queue(
        "意见待审核",
        "consultation.manage",
        lambda qs, ask: qs.filter(Exists(_waiting_comments)).exclude(
            status=ConsultationStatus.CONCLUDED
        ),
    ),
    "consultations_ended": Queue(
        "期满待截止",
        "consultation.manage",
        lambda qs, ask: qs.filter(status=ConsultationStatus.OPEN, closes_on__lt=ask.today),
    ),
    "consultations_result": Queue(
        "待公布采纳情况",
        "consultation.manage",
        lambda qs, ask: qs.filter(status=ConsultationStatus.CLOSED),
    ),
}
