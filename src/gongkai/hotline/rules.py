"""When each move of a work order may happen, read from its status."""

from gongkai.lib.workflow import Rule, Rules

from .models import CallbackStatus, OrderStatus

S = OrderStatus
WORKING = frozenset({S.RECEIVED, S.ACCEPTED})


def _not_extended(order) -> str | None:
    return "每件工单只能延期一次" if order.extension_workdays else None


def _no_callback_yet(order) -> str | None:
    return "该工单的回访结果已记录" if order.callback_on else None


ORDER_RULES = Rules.of(
    Rule("accept", "签收", frozenset({S.RECEIVED})),
    Rule("request_return", "申请退单", WORKING),
    Rule("approve_return", "同意退单", frozenset({S.RETURN_REQUESTED})),
    Rule("reject_return", "驳回退单", frozenset({S.RETURN_REQUESTED})),
    Rule("reassign", "改派", WORKING),
    Rule("extend", "申请延期", WORKING, _not_extended),
    Rule("merge", "并单", WORKING),
    Rule("reply", "答复", frozenset({S.ACCEPTED})),
    Rule("close", "办结", frozenset({S.REPLIED})),
    Rule("record_callback", "记录回访", frozenset({S.REPLIED, S.CLOSED}), _no_callback_yet),
    record_name="工单",
    state_of=lambda order: order.status,
    state_label=lambda status: str(OrderStatus(status).label),
)

CALL_RULES = Rules.of(
    Rule("call_back", "记录回拨", frozenset({CallbackStatus.PENDING})),
    record_name="来电",
    state_of=lambda call: call.callback_status,
    state_label=lambda status: str(CallbackStatus(status).label),
)
