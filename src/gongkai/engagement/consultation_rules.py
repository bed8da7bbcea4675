"""When each move of a consultation and of a comment on it may happen, read from their status
and dates."""

from django.utils import timezone

from gongkai.lib.workflow import Rule, Rules

from .consultation_models import (
    MAJOR_DECISION_MIN_DAYS,
    CommentStatus,
    ConsultationStatus,
)

S = ConsultationStatus
C = CommentStatus


def period_refusal(consultation) -> str | None:
    """Why the consultation's dates cannot stand: backwards, or too short for a 重大行政决策."""
    if consultation.closes_on < consultation.opens_on:
        return "截止日期不能早于开始日期"
    if consultation.major_decision and consultation.period_days < MAJOR_DECISION_MIN_DAYS:
        return (
            f"重大行政决策征求公众意见的期限一般不少于{MAJOR_DECISION_MIN_DAYS}日"
            f"（《重大行政决策程序暂行条例》第十四条），现为{consultation.period_days}日"
        )
    return None


def _may_open(consultation) -> str | None:
    if not (consultation.item_id or consultation.draft):
        return "请关联草案所在的政府信息或上传草案文件"
    if consultation.closes_on < timezone.localdate():
        return "截止日期已过，请修改征集期限后再发布"
    return period_refusal(consultation)


def _period_over(consultation) -> str | None:
    if timezone.localdate() <= consultation.closes_on:
        return f"征集期至{consultation.closes_on:%Y年%m月%d日}，届满后才能截止征集"
    return None


def _all_comments_answered(consultation) -> str | None:
    waiting = consultation.comments.filter(status__in=(C.HELD, C.PENDING)).count()
    if waiting:
        return f"尚有{waiting}条意见未审核，请先审核"
    unanswered = (
        consultation.comments.filter(status=C.VALID, adoptions__isnull=True).distinct().count()
    )
    if unanswered:
        return f"尚有{unanswered}条有效意见未登记采纳情况"
    return None


CONSULTATION_RULES = Rules.of(
    Rule("open", "发布征集", frozenset({S.DRAFT}), _may_open),
    Rule("close", "截止征集", frozenset({S.OPEN}), _period_over),
    Rule("record_adoption", "登记采纳情况", frozenset({S.CLOSED})),
    Rule("publish_result", "公布采纳情况", frozenset({S.CLOSED}), _all_comments_answered),
    record_name="意见征集",
    state_of=lambda consultation: consultation.status,
    state_label=lambda status: str(ConsultationStatus(status).label),
)


def _not_concluded(comment) -> str | None:
    if comment.consultation.status == S.CONCLUDED:
        return "采纳情况已公布，不能再审核意见"
    return None


COMMENT_RULES = Rules.of(
    Rule("release", "放行", frozenset({C.HELD}), _not_concluded),
    Rule("approve", "确认有效", frozenset({C.PENDING}), _not_concluded),
    Rule("reject", "不予采用", frozenset({C.HELD, C.PENDING}), _not_concluded),
    record_name="意见",
    state_of=lambda comment: comment.status,
    state_label=lambda status: str(CommentStatus(status).label),
)
