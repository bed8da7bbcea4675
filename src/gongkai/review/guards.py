"""The database-side lock of the review gate, whatever path a change takes (form, API, import,
shell): an item's public version must be a proactive version whose own review was approved, and
an approved version's content cannot change afterwards."""

from django.db.models.signals import pre_save
from django.dispatch import receiver

from gongkai.catalog.models import Attachment, DisclosureAttribute, InfoItem, ItemVersion
from gongkai.catalog.services import CONTENT_FIELDS
from gongkai.core.snapshots import snapshot

from .models import Review, ReviewState


class UnreviewedPublication(PermissionError):
    """Raised when anything tries to make an unreviewed version public."""


@receiver(pre_save, sender=InfoItem)
def _public_version_was_reviewed(sender, instance: InfoItem, raw=False, **kwargs):
    if raw or instance.published_version_id is None:
        return
    before = getattr(instance, "_audit_before", None) or {}
    if before.get("published_version_id") == instance.published_version_id:
        return
    reviewed = Review.objects.filter(
        version_id=instance.published_version_id,
        version__item_id=instance.pk,
        version__attribute=DisclosureAttribute.PROACTIVE,
        version__approved_at__isnull=False,
        state=ReviewState.APPROVED,
    ).exists()
    if not reviewed:
        raise UnreviewedPublication("该版本未经保密审查通过，不能公开。")


CONTENT_ATTNAMES = tuple(ItemVersion._meta.get_field(f).attname for f in CONTENT_FIELDS)


@receiver(pre_save, sender=ItemVersion)
def _approved_content_is_frozen(sender, instance: ItemVersion, raw=False, **kwargs):
    before = getattr(instance, "_audit_before", None)
    if raw or not before or before.get("approved_at") is None:
        return
    now = snapshot(instance)
    if any(before.get(name) != now.get(name) for name in CONTENT_ATTNAMES):
        raise UnreviewedPublication("审查通过的版本不能再修改，请修订生成新版本。")


@receiver(pre_save, sender=Attachment)
def _approved_files_are_frozen(sender, instance: Attachment, raw=False, **kwargs):
    if raw:
        return
    approved = ItemVersion.objects.filter(pk=instance.version_id, approved_at__isnull=False)
    if approved.exists():
        raise UnreviewedPublication("审查通过的版本不能再增改附件，请修订生成新版本。")
