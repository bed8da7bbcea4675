"""The audit log as staff read it: record types, actions and changed fields in Chinese.

The trail itself keeps stable identifiers (model labels, action names, field names); this is
the one place that says them in Chinese. A transition's action is its workflow's label; a case
event's action is the event's label; the rest are listed here.
"""

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist

from gongkai.applications.ledger import EventKind
from gongkai.applications.workflow import CASE_WORKFLOW
from gongkai.catalog.models import ItemStatus
from gongkai.checks.integrity import FINGERPRINT_ACTION
from gongkai.engagement.consultation_workflow import COMMENT_WORKFLOW, CONSULTATION_WORKFLOW
from gongkai.engagement.models import AdoptionDecision
from gongkai.engagement.workflow import MESSAGE_WORKFLOW
from gongkai.profiles.workflow import PROFILE_WORKFLOW
from gongkai.reports.workflow import REPORT_WORKFLOW
from gongkai.review.workflow import ITEM_WORKFLOW

ACTIONS = {
    "create": "新建",
    "change": "修改",
    "delete": "删除",
    "review_approve": "审查同意",
    "review_return": "审查退回",
    "review_escalate": "提请确定",
    "checks_overridden": "放行检查问题",
    "publish_migrated": "按已公开迁移",
    "review_chain_set": "设置审查流程",
    "revise": "修订",
    "catalog_import": "批量导入",
    "integrity_alert": "页面完整性告警",
    FINGERPRINT_ACTION: "记录公开版本指纹",
    "import": "导入节假日安排",
    "recompute_deadlines": "重新计算期限",
    "attach_scans": "上传扫描件",
    "letter": "生成文书",
    "create_draft": "创建年度报告草稿",
    "enter_figures": "填报数据",
    "override_cell": "更正数据",
    "remove_override": "撤销更正",
    "activate": "启用账号",
    "deactivate": "停用账号",
    "reset_password": "重置密码",
    "change_password": "修改密码",
    "issue_api_token": "签发接口令牌",
    "enable_second_factor": "启用双因素认证",
    "disable_second_factor": "停用双因素认证",
    "import_published": "导入已公开的年度报告",
    "online_download": "申请人网上获取答复",
    # 政民互动
    "receive": "收到",
    "recompute_due": "重新计算答复期限",
    "warn_due": "到期提醒",
    "download_attachment": "下载附件",
    "draft_profile": "起草机构概况修改稿",
}
# Details a transition records beside the record's own fields.
DETAILS = {
    "on": "日期",
    "version": "版本",
    "review": "审查",
    "reason": "理由",
    "step": "环节",
    "basis": "依据",
    "on_behalf_of": "受托代签",
    "when": "定时发布时间",
    "late": "是否逾期公开",
    "publish_due": "应公开日期",
    "source": "来源",
    "sha256": "SHA-256",
    "year": "年度",
    "format": "格式",
    "cell": "单元格",
    "value": "数值",
    "inconsistencies": "检查问题数",
    "notice": "通知文号",
    "holidays": "放假天数",
    "makeup_workdays": "调休上班天数",
    "replaced": "替换的通知文号",
    "checked": "核对件数",
    "changed": "变化件数",
    "still_provisional": "仍为暂定件数",
    "kind": "种类",
    "number": "编号",
    "files": "文件",
    "findings": "检查问题",
    "item": "信息",
    "url": "页面地址",
    "problems": "问题",
    "count": "件数",
    "items": "信息",
    "was": "原状态",
    "change_note": "修订说明",
    "before": "原设置",
    "after": "新设置",
    "file": "文件",
    "letter": "文书",
    "title": "名称",
    "reply_file": "答复材料",
    # 政民互动 and 意见征集
    "channel": "渠道",
    "held": "疑似垃圾信息",
    "publish": "公开答复",
    "from_agency": "原机关",
    "to_agency": "转至机关",
    "to_unit": "转至内设机构",
    "workdays": "工作日数",
    "to": "收件人",
    "name": "名称",
    "messages": "留言件数",
    "comment_count": "意见数",
    "comment_ids": "对应的意见",
    "adoption": "采纳情况条目",
    "adoption_count": "采纳情况条数",
    "decision": "采纳情况",
}
# Details whose values are a model's choices.
DETAIL_CHOICES = {"was": ItemStatus, "decision": AdoptionDecision}


def _transition_labels() -> dict[str, str]:
    labels = {kind.value: str(kind.label) for kind in EventKind}
    # A name two workflows share keeps the label of the later one here (a message's close is
    # 办结, not 截止征集).
    workflows = (
        CONSULTATION_WORKFLOW,
        COMMENT_WORKFLOW,
        MESSAGE_WORKFLOW,
        CASE_WORKFLOW,
        ITEM_WORKFLOW,
        REPORT_WORKFLOW,
    )
    for workflow in workflows:
        labels |= {name: workflow.label(name) for name in workflow.transitions}
    # The profile's own moves; its submit and return read as the others' do.
    labels |= {
        name: PROFILE_WORKFLOW.label(name)
        for name in PROFILE_WORKFLOW.transitions
        if name not in labels
    }
    return labels | ACTIONS


ACTION_LABELS = _transition_labels()


def action_label(action: str) -> str:
    return ACTION_LABELS.get(action, action)


# Rows written before a model moved to another app keep the type they were written with.
MOVED_RECORD_TYPES = {
    "core.holidayschedule": "calendar.holidayschedule",
    "core.holidayscheduleday": "calendar.holidayscheduleday",
}


def _model(record_type: str):
    try:
        return apps.get_model(MOVED_RECORD_TYPES.get(record_type, record_type))
    except (LookupError, ValueError):
        return None


def record_type_label(record_type: str) -> str:
    model = _model(record_type)
    return str(model._meta.verbose_name) if model is not None else record_type


def _field(record_type: str, name: str):
    model = _model(record_type)
    if model is None:
        return None
    for candidate in (name, name.removesuffix("_id")):
        try:
            return model._meta.get_field(candidate)
        except FieldDoesNotExist:
            continue
    return None


def field_label(record_type: str, name: str) -> str:
    field = _field(record_type, name)
    return str(field.verbose_name) if field is not None else DETAILS.get(name, name)


def changes(record_type: str, before, after) -> list[tuple[str, str, str]]:
    """(field, before, after) rows in Chinese, for the fields the event records."""
    before, after = before or {}, after or {}
    if not isinstance(before, dict) or not isinstance(after, dict):
        return [("内容", _shown(before), _shown(after))]
    rows = []
    for name in dict.fromkeys([*before, *after]):
        field = _field(record_type, name)
        choices = dict(field.choices) if field is not None and field.choices else {}
        if name in DETAIL_CHOICES:
            choices = dict(DETAIL_CHOICES[name].choices)
        rows.append(
            (
                field_label(record_type, name),
                _shown(before.get(name), choices),
                _shown(after.get(name), choices),
            )
        )
    return rows


def _shown(value, choices: dict | None = None) -> str:
    if value in (None, "", [], {}):
        return "—"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list):
        return "、".join(_item(entry) for entry in value)
    if isinstance(value, dict):
        return "；".join(f"{DETAILS.get(k, k)}：{_item(v)}" for k, v in value.items())
    if choices and value in choices:
        return str(choices[value])
    return str(value)


def _item(entry) -> str:
    """One entry of a recorded list: a step, a finding, a file — by its name or text."""
    if isinstance(entry, dict):
        for key in ("name", "text", "title"):
            if entry.get(key):
                return str(entry[key])
        return f"{len(entry)}项"
    return str(entry)
