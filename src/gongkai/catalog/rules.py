"""When each transition of a catalog item's review gate may happen, read from the item.

The one statement of each precondition: the review and catalog services check it under the
item's row lock; the workbench and the API list the transitions it allows
(`gongkai.review.workflow.ITEM_WORKFLOW`).
"""

from gongkai.lib.workflow import Rule, Rules

from .models import DisclosureAttribute, InfoItem, ItemStatus

# A draft, or a version returned for changes, is edited in place; anything else is revised.
EDITABLE_STATUSES = frozenset({ItemStatus.DRAFT, ItemStatus.RETURNED})
IN_REVIEW_STATUSES = frozenset({ItemStatus.SUBMITTED, ItemStatus.IN_REVIEW})
REVISABLE_STATUSES = frozenset({ItemStatus.PUBLISHED, ItemStatus.APPROVED, ItemStatus.REVOKED})


def edit_refusal(status: str, doing: str) -> str | None:
    """Why the working version's content or files cannot be changed in `status`, saying what
    to do instead; None when they can. `doing` names the change: 「替换附件」「修改」."""
    if status in EDITABLE_STATUSES:
        return None
    if status in IN_REVIEW_STATUSES:
        return f"该信息正在审查中，不能{doing}；审查人退回后即可修改，审查通过后可修订生成新版本。"
    return (
        f"“{ItemStatus(status).label}”的信息不能直接{doing}；请先“修订”生成新版本，"
        "新版本审查通过前门户仍显示原版本。"
    )


def _has_title(item: InfoItem) -> str | None:
    return None if item.current_version.title.strip() else "标题不能为空。"


def _shown_on_the_portal(item: InfoItem) -> str | None:
    version = item.current_version
    if version.attribute != DisclosureAttribute.PROACTIVE:
        return f"公开属性为“{version.get_attribute_display()}”的信息不在门户公开。"
    return None


def _has_blocking_findings(item: InfoItem) -> str | None:
    version = item.current_version
    if not version.block_findings:
        return "该版本没有需要放行的检查问题。"
    # "pending" is review.models.ReviewState.PENDING: the review app builds on the catalog, not
    # the other way round, so the catalog reads its rows by their stored value.
    if version.reviews.filter(state="pending").exclude(checks_override_reason="").exists():
        return "该版本的检查问题已经放行。"
    return None


def _is_public(item: InfoItem) -> str | None:
    return None if item.published_version_id is not None else "该信息未公开，无需撤回。"


ITEM_RULES = Rules.of(
    Rule("submit", "提交审查", EDITABLE_STATUSES, _has_title),
    Rule("sign", "签署审查意见", IN_REVIEW_STATUSES),
    Rule("override", "放行检查问题", IN_REVIEW_STATUSES, _has_blocking_findings),
    Rule("publish", "公开", frozenset({ItemStatus.APPROVED}), _shown_on_the_portal),
    Rule("schedule", "定时公开", frozenset({ItemStatus.APPROVED}), _shown_on_the_portal),
    Rule("revoke", "撤回", guard=_is_public),
    Rule("revise", "修订", REVISABLE_STATUSES),
    Rule("remove_attachment", "删除附件", EDITABLE_STATUSES),
    record_name="该信息",
    state_of=lambda item: item.status,
    state_label=lambda status: str(ItemStatus(status).label),
)
