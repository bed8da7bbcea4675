"""When each move of a case may happen, read from its replayed ledger (`ledger.State`).

The one statement of each precondition: the services check it under the case's row lock, the
workbench and the API list the moves it allows (`workflow.CASE_WORKFLOW`).
"""

from gongkai.lib.workflow import Rule, Rules

from .ledger import OPEN_STATUSES, State, Status
from .outcomes import Outcome

# The outcomes whose reply gives the applicant information to take away (Art. 36(2)).
DISCLOSING_OUTCOMES = frozenset({Outcome.GRANTED, Outcome.PARTIAL})


def _correction_not_yet_asked(state: State) -> str | None:
    if state.correction_requested_on is not None:
        return "补正只能一次性告知（第三十条），本申请已告知过补正"
    return None


def _no_extension_yet(state: State) -> str | None:
    if state.extension_workdays or state.extension_requested is not None:
        return "每件申请只能延期一次，本申请已申请或批准过延期"
    return None


def _extension_pending(state: State) -> str | None:
    if state.extension_requested is None:
        return "本申请没有待批准的延期申请"
    return None


def _fee_not_yet_assessed(state: State) -> str | None:
    if state.fee_assessed:
        return "每件申请只能收费一次，且只能选择一种计收方式（按件或按量，不能同时适用）"
    return None


def _something_disclosed(state: State) -> str | None:
    if state.outcome not in DISCLOSING_OUTCOMES:
        return "只有予以公开或部分公开的答复才附提供给申请人的材料"
    return None


CASE_RULES = Rules.of(
    Rule("assign", "分办", frozenset(OPEN_STATUSES)),
    Rule(
        "correction",
        "告知补正",
        frozenset({Status.IN_PROGRESS}),
        _correction_not_yet_asked,
    ),
    Rule("correction_received", "登记收到补正", frozenset({Status.AWAITING_CORRECTION})),
    Rule("correction_lapsed", "逾期未补正（视为放弃）", frozenset({Status.AWAITING_CORRECTION})),
    Rule("consultation", "征求意见（中止计时）", frozenset({Status.IN_PROGRESS})),
    Rule("consultation_ended", "征求意见结束", frozenset({Status.CONSULTING})),
    Rule(
        "extension",
        "申请延期答复",
        frozenset({Status.IN_PROGRESS, Status.CONSULTING}),
        _no_extension_yet,
    ),
    Rule("extension_approved", "批准延期答复", guard=_extension_pending),
    Rule("fee", "收费", frozenset({Status.IN_PROGRESS}), _fee_not_yet_assessed),
    Rule("fee_paid", "登记缴费", frozenset({Status.AWAITING_FEE})),
    Rule("fee_lapsed", "逾期未缴费（视为放弃）", frozenset({Status.AWAITING_FEE})),
    Rule("decide", "作出答复", frozenset({Status.IN_PROGRESS})),
    Rule("deliver", "登记送达", frozenset({Status.DECIDED})),
    Rule("close", "办结", frozenset({Status.DELIVERED})),
    Rule(
        "reply_file",
        "附上答复材料",
        frozenset({Status.DECIDED, Status.DELIVERED}),
        _something_disclosed,
    ),
    Rule("letter", "生成文书"),
    record_name="申请",
    state_of=lambda state: state.status,
    state_label=lambda status: Status(status).label,
)
