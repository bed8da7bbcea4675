"""The tabs of the interpretation lists: every interpretation and those due or overdue under the
限期 mode; every policy document and those with no interpretation and no recorded reason.
Keys are unique across the workbench."""

from django.db.models import F

from gongkai.web.queues import Queue

from . import policy


def _unpublished_with_due(qs, ask):
    return qs.filter(due_on__isnull=False, item__published_version__isnull=True).order_by(
        "due_on", "pk"
    )


INTERPRETATION_QUEUES: dict[str, Queue] = {
    "interpretations": Queue("全部政策解读", "item.view", lambda qs, ask: qs),
    "interpretations_due": Queue("限期待发布的解读", "item.view", _unpublished_with_due),
}


def _policy(qs, ask):
    return policy.policy_documents(qs).order_by(F("published_at").desc(nulls_first=True), "-pk")


DOCUMENT_QUEUES: dict[str, Queue] = {
    "policy_unexplained": Queue(
        "无解读也无理由的政策文件",
        "item.view",
        lambda qs, ask: policy.without_interpretation(qs).order_by("-created_at", "-pk"),
    ),
    "policy_all": Queue("全部政策文件", "item.view", _policy),
}
