"""Which catalog items are policy documents that need an interpretation, and the reasons the
同步 rule gives for refusing a document's approval (国办发〔2016〕80号: a document and its
interpretation are prepared, signed off and released together; local rules: no interpretation
plan, no sign-off; the interpretation the same day or within 3 working days)."""

from django.db.models import Exists, OuterRef, Q, QuerySet

from gongkai.catalog.models import InfoItem, ItemStatus
from gongkai.review.models import Review, ReviewState

from .elements import REGULATORY_GENRE
from .models import Interpretation, Link, NoInterpretationReason, SyncMode, SyncSetting

NO_INTERPRETATION = (
    "本机关要求政策文件与政策解读同步审签：请先起草该文件的政策解读并与文件关联，"
    "或记录无需解读的理由，再批准该文件。"
)
NOT_READY_TOGETHER = (
    "本机关要求文件与政策解读同步审签、同步发布：所关联的政策解读须已提交审查并进行到"
    "最后一个环节（或已审查通过），方可与文件一并批准。"
)


def policy_documents(items: QuerySet) -> QuerySet:
    """The items whose working version is a 规范性文件, or of a genre their agency marked;
    interpretations themselves never are."""
    marked = SyncSetting.objects.filter(
        agency=OuterRef("agency"), genres=OuterRef("current_version__genre")
    )
    return items.filter(
        Q(current_version__genre__name=REGULATORY_GENRE) | Q(Exists(marked))
    ).exclude(Exists(Interpretation.objects.filter(item=OuterRef("pk"))))


def without_interpretation(items: QuerySet) -> QuerySet:
    """Policy documents with no interpretation linked and no reason recorded."""
    return (
        policy_documents(items)
        .exclude(status=ItemStatus.REVOKED)
        .exclude(Exists(Link.objects.filter(document=OuterRef("pk"))))
        .exclude(Exists(NoInterpretationReason.objects.filter(document=OuterRef("pk"))))
    )


def is_policy_document(item: InfoItem) -> bool:
    return policy_documents(InfoItem.objects.filter(pk=item.pk)).exists()


def setting_of(agency) -> SyncSetting:
    """The agency's setting; an agency that never set one asks for nothing."""
    return SyncSetting.objects.filter(agency=agency).first() or SyncSetting(agency=agency)


def at_last_step(item: InfoItem) -> bool:
    """Whether the item's current version waits for the last signature of its review."""
    review = Review.objects.filter(
        version_id=item.current_version_id, state=ReviewState.PENDING
    ).first()
    return review is not None and review.signed_steps == len(review.steps) - 1


def ready_to_go_together(interpretation: Interpretation) -> bool:
    item = interpretation.item
    return item.status in (ItemStatus.APPROVED, ItemStatus.PUBLISHED) or at_last_step(item)


def approval_refusal(item: InfoItem) -> str | None:
    """Why the document's final approval waits for its interpretation, or None (the hook
    registered with the review gate)."""
    setting = setting_of(item.agency)
    if setting.mode == SyncMode.OFF or not is_policy_document(item):
        return None
    if NoInterpretationReason.objects.filter(document=item).exists():
        return None
    linked = list(Interpretation.objects.filter(links__document=item).select_related("item"))
    if not linked:
        return NO_INTERPRETATION
    if setting.mode == SyncMode.TOGETHER and not any(map(ready_to_go_together, linked)):
        return NOT_READY_TOGETHER
    return None
