"""When each transition of an interpretation, and of a policy document's interpretation record,
may happen, read from the records (`workflow.py` adds who may, the forms and the services).

An interpretation's links and description are part of what its review approves: they change
while its catalog item is a draft or returned, like its text; afterwards a revision reopens
them. A reason for releasing a document without an interpretation is recorded while none is
linked, and withdrawn by the one who knows better (an interpretation is written after all)."""

from gongkai.catalog.models import InfoItem, ItemStatus
from gongkai.catalog.rules import EDITABLE_STATUSES
from gongkai.lib.workflow import Rule, Rules

from . import policy
from .models import Interpretation, Link, NoInterpretationReason


def _one_would_remain(interpretation: Interpretation) -> str | None:
    if interpretation.links.count() > 1:
        return None
    return "政策解读至少要关联一份所解读的文件；请先关联其他文件，再取消这一份。"


INTERPRETATION_RULES = Rules.of(
    Rule("describe", "修改解读形式和起草单位", EDITABLE_STATUSES),
    Rule("link", "关联所解读的文件", EDITABLE_STATUSES),
    Rule("unlink", "取消关联", EDITABLE_STATUSES, _one_would_remain),
    record_name="该政策解读",
    state_of=lambda interpretation: interpretation.item.status,
    state_label=lambda status: str(ItemStatus(status).label),
)


def _may_waive(document: InfoItem) -> str | None:
    if not policy.is_policy_document(document):
        return "该信息不是需要解读的政策文件。"
    if NoInterpretationReason.objects.filter(document=document).exists():
        return "已记录该文件无需解读的理由。"
    if Link.objects.filter(document=document).exists():
        return "该文件已有关联的政策解读，无需记录理由。"
    return None


def _has_reason(document: InfoItem) -> str | None:
    if NoInterpretationReason.objects.filter(document=document).exists():
        return None
    return "该文件没有记录无需解读的理由。"


DOCUMENT_RULES = Rules.of(
    Rule("waive", "记录无需解读的理由", guard=_may_waive),
    Rule("clear_waiver", "撤销无需解读的理由", guard=_has_reason),
    record_name="该文件",
    state_of=lambda document: document.status,
    state_label=lambda status: str(ItemStatus(status).label),
)
