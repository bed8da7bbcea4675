"""Every save and delete of an audited model writes the audit trail in the same transaction."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .audit import record_change
from .models import AuditedModel
from .snapshots import snapshot


@receiver(post_save)
def _audit_save(sender, instance, created, raw=False, **kwargs):
    if raw or not isinstance(instance, AuditedModel):
        return
    after = snapshot(instance)
    if created:
        record_change(instance, "create", None, after)
    else:
        before = getattr(instance, "_audit_before", None)
        if before is not None:
            changed = {k for k in after if before.get(k) != after[k]}
            if not changed:
                return
            before = {k: before.get(k) for k in sorted(changed)}
            after = {k: after[k] for k in sorted(changed)}
        record_change(instance, "change", before, after)
    instance._audit_before = snapshot(instance)


@receiver(post_delete)
def _audit_delete(sender, instance, **kwargs):
    if isinstance(instance, AuditedModel):
        record_change(instance, "delete", getattr(instance, "_audit_before", None), None)
