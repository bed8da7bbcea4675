"""When each transition of a profile version may happen, read from its status.

The services check these under the version's row lock; the version's page and the staff API
list the transitions they allow (`workflow.PROFILE_WORKFLOW`).
"""

from gongkai.lib.workflow import Rule, Rules

from .models import EDITABLE_STATUSES, ProfileStatus, ProfileVersion

_EDITABLE = frozenset(EDITABLE_STATUSES)


def _has_duties(version: ProfileVersion) -> str | None:
    return None if version.duties.strip() else "请填写机构职能后再提交审核"


PROFILE_RULES = Rules.of(
    Rule("edit", "修改职能和基本信息", _EDITABLE),
    Rule("save_unit", "保存内设机构", _EDITABLE),
    Rule("remove_unit", "删除内设机构", _EDITABLE),
    Rule("add_leader", "新增领导", _EDITABLE),
    Rule("change_leader", "修改领导信息", _EDITABLE),
    Rule("leader_leaves", "登记领导离任", _EDITABLE),
    Rule("submit", "提交审核", _EDITABLE, _has_duties),
    Rule("approve", "审核通过并发布", frozenset({ProfileStatus.SUBMITTED})),
    Rule("return", "退回修改", frozenset({ProfileStatus.SUBMITTED})),
    record_name="机构概况",
    state_of=lambda version: version.status,
    state_label=lambda status: str(ProfileStatus(status).label),
)
