"""同步: what the review gate does to an interpretation when its policy document is approved or
published (国办发〔2016〕80号: 同步组织、同步审签、同步部署).

- The gate asks `policy.approval_refusal` before a policy document's final approval (registered
  in `apps.py` through `review.hooks`).
- When the document is approved in the 同步审签 mode, each linked interpretation waiting at its
  last step is signed in the same transaction by the same person with the same basis; if that
  signature is refused (the signer submitted the interpretation, say), the document's approval
  is undone with the reason.
- When the document is published, its approved interpretations are published with it, at the
  same moment; in the 限期 mode, the interpretations still unpublished are given their due day:
  the configured number of working days after the document's release (shared calendar).
"""

from django.utils import timezone

from gongkai.agencies.access import SYNCED_PUBLICATION
from gongkai.calendar.workdays import CalendarUnknown, add_workdays
from gongkai.catalog.models import DisclosureAttribute, InfoItem, ItemStatus
from gongkai.review import services as gate
from gongkai.review.models import Decision

from . import policy
from .models import Interpretation, SyncMode

CO_SIGNED = "与所解读的文件同步审签"


def _linked(document: InfoItem):
    return Interpretation.objects.filter(links__document=document).select_related("item")


def on_approved(sender, item: InfoItem, review, opinion, user, **kwargs) -> None:
    setting = policy.setting_of(item.agency)
    if setting.mode != SyncMode.TOGETHER or not policy.is_policy_document(item):
        return
    for interpretation in _linked(item):
        if not policy.at_last_step(interpretation.item):
            continue
        gate.sign(
            user=user,
            review=gate.pending_review(interpretation.item),
            decision=Decision.APPROVE,
            legal_basis=opinion.legal_basis,
            opinion=CO_SIGNED,
            on_behalf_of=opinion.on_behalf_of,
        )


def on_published(sender, item: InfoItem, version, **kwargs) -> None:
    setting = policy.setting_of(item.agency)
    if setting.mode == SyncMode.OFF or not policy.is_policy_document(item):
        return
    for interpretation in _linked(item):
        shown = interpretation.item
        if setting.mode == SyncMode.TOGETHER and _publishable(shown):
            gate.publish(user=SYNCED_PUBLICATION, item=shown, at=item.published_at)
        elif not shown.is_public and interpretation.due_on is None:
            interpretation.due_on = _due(item, setting.days)
            interpretation.save(update_fields=["due_on"])


def _publishable(item: InfoItem) -> bool:
    return (
        item.status == ItemStatus.APPROVED
        and item.current_version.attribute == DisclosureAttribute.PROACTIVE
    )


def _due(document: InfoItem, days: int):
    released = timezone.localdate(document.published_at)
    try:
        return add_workdays(released, days) if days else released
    except CalendarUnknown:
        return None
