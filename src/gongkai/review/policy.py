"""Review policy that is local practice, not statute (ogi-spec §1.2): the default chain and how
often information withheld from disclosure is looked at again (Art. 18 says periodically)."""

from datetime import date, timedelta

from gongkai.agencies.models import Role

# An agency that has not set its own chain: one review, then the signing leader's approval.
DEFAULT_CHAIN: tuple[dict[str, str], ...] = (
    {"name": "审查", "role": Role.REVIEWER.value},
    {"name": "批准", "role": Role.LEADER.value},
)
# The most steps an agency's chain may have (the chain form's rows).
MAX_CHAIN_STEPS = 5
RE_REVIEW_INTERVAL = timedelta(days=365)
# The workbench warns about publish-by dates this many calendar days ahead.
DUE_SOON_DAYS = 7


def submitter_refusal(signer_id: int, submitter_id: int | None, one_person_office: bool) -> str:
    """Why the signer may not sign a review, as its submitter ("" when he may).

    Separation of duties: the confidentiality review is a check on the person who prepared
    the information (《政府信息公开条例》第十七条, "先审查、后公开"), so the one who submitted it
    does not sign it, unless the agency is a one-person office and has set so."""
    if signer_id != submitter_id or one_person_office:
        return ""
    return (
        "提交人不能签署自己提交的审查意见（审查与提交须由不同的人）；只有一人办理信息公开的机关，"
        "可由机关管理员在“审查流程”中开启“一人办公室”设置。"
    )


def re_review_due(decided: date) -> date:
    """When a 不予公开 decision is next re-evaluated (Art. 18)."""
    return decided + RE_REVIEW_INTERVAL


# How much a person must write where others act on the reason. Letting blocking check findings
# through is the heaviest (it publishes what the checks stopped); a return or a revocation only
# needs a reason that says what to do next.
MIN_OVERRIDE_REASON_CHARS = 10
MIN_RETURN_OPINION_CHARS = 2
MIN_REVOKE_REASON_CHARS = 2
