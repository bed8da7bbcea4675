"""When each move of a message may happen, read from its status."""

from gongkai.lib.workflow import Rule, Rules

from .models import MessageStatus

S = MessageStatus


def _not_extended(message) -> str | None:
    return "每件留言只能延期一次" if message.extension_workdays else None


MESSAGE_RULES = Rules.of(
    Rule("release", "放行", frozenset({S.HELD})),
    Rule("accept", "受理", frozenset({S.RECEIVED})),
    Rule("refuse", "不予受理", frozenset({S.HELD, S.RECEIVED})),
    Rule("transfer", "转办", frozenset({S.RECEIVED, S.ACCEPTED})),
    Rule("extend", "延期答复", frozenset({S.RECEIVED, S.ACCEPTED}), _not_extended),
    Rule("reply", "答复", frozenset({S.ACCEPTED})),
    Rule("rework", "退回修改", frozenset({S.CHECKING})),
    Rule("check", "审核通过", frozenset({S.CHECKING})),
    Rule("close", "办结", frozenset({S.REPLIED})),
    record_name="留言",
    state_of=lambda message: message.status,
    state_label=lambda status: str(MessageStatus(status).label),
)
