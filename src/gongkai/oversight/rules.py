"""When each move of an assessment round, a remedy task (整改) and a 通报 may happen, read from
their status. The services check these under the row lock; the round page and the staff API
list what they allow (`workflow`)."""

from django.utils import timezone

from gongkai.lib.workflow import Rule, Rules

from .models import (
    AssessmentRound,
    CircularStatus,
    Remedy,
    RemedyStatus,
    RoundStatus,
)


def _nothing_waits(round_: AssessmentRound) -> str | None:
    """A round closes with its results fixed: every answered remedy re-checked, and no agency
    cut short of the time it was given to remedy."""
    remedies = Remedy.objects.filter(deduction__round=round_)
    if remedies.filter(status=RemedyStatus.ANSWERED).exists():
        return "还有整改情况待复核，复核后方可结束考核"
    waiting = remedies.filter(status=RemedyStatus.PENDING, due_on__gte=timezone.localdate())
    if waiting.exists():
        first = waiting.order_by("due_on").first()
        return f"还有整改任务未到期（最早于{first.due_on:%Y年%m月%d日}到期），到期后方可结束考核"
    return None


def _no_circular(round_: AssessmentRound) -> str | None:
    return "该轮考核已起草通报" if hasattr(round_, "circular") else None


def _round_open(remedy: Remedy) -> str | None:
    if remedy.deduction.round.status != RoundStatus.OPEN:
        return "该轮考核已结束，整改情况不再报送或复核"
    return None


ROUND_RULES = Rules.of(
    Rule("deduct", "录入人工评分", frozenset({RoundStatus.OPEN})),
    Rule("close", "结束考核", frozenset({RoundStatus.OPEN}), _nothing_waits),
    Rule("draft_circular", "起草通报", frozenset({RoundStatus.CLOSED}), _no_circular),
    record_name="考核轮次",
    state_of=lambda round_: round_.status,
    state_label=lambda status: str(RoundStatus(status).label),
)

REMEDY_RULES = Rules.of(
    Rule("answer", "报送整改情况", frozenset({RemedyStatus.PENDING}), _round_open),
    Rule("accept", "复核通过", frozenset({RemedyStatus.ANSWERED}), _round_open),
    Rule("reject", "复核不通过", frozenset({RemedyStatus.ANSWERED}), _round_open),
    record_name="整改任务",
    state_of=lambda remedy: remedy.status,
    state_label=lambda status: str(RemedyStatus(status).label),
)

CIRCULAR_RULES = Rules.of(
    Rule("edit", "修改通报", frozenset({CircularStatus.DRAFT})),
    Rule("publish", "送审公开", frozenset({CircularStatus.DRAFT})),
    record_name="通报",
    state_of=lambda circular: circular.status,
    state_label=lambda status: str(CircularStatus(status).label),
)
