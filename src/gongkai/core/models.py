"""The append-only, hash-chained audit trail and the base class of audited domain records."""

from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _

from .snapshots import snapshot


class AuditedModel(models.Model):
    """A domain record whose every create, change and delete lands in the audit trail.

    The field values seen when the row was loaded are kept so the trail can record
    before/after; `audit_exclude` names fields never written to the trail (secrets, noise).
    """

    audit_exclude: ClassVar[frozenset[str]] = frozenset()

    class Meta:
        abstract = True

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._audit_before = snapshot(instance)
        return instance

    def audit_agency_id(self) -> int | None:
        """The agency whose admins may read this record's trail."""
        return getattr(self, "agency_id", None)


class AuditEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("审计日志只能追加，不能修改")

    def delete(self):
        raise PermissionError("审计日志只能追加，不能删除")

    def for_agencies(self, agency_filter):
        return self.filter(agency_filter)


class AuditEvent(models.Model):
    """One row of the trail. `hash` covers the row and the previous row's hash."""

    seq = models.PositiveBigIntegerField(_("序号"), unique=True)
    at = models.DateTimeField(_("时间"))
    actor = models.ForeignKey(
        "accounts.User",
        verbose_name=_("操作人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    actor_label = models.CharField(_("操作人名称"), max_length=200)
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("所属机关"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_constraint=False,
    )
    record_type = models.CharField(_("记录类型"), max_length=100)
    record_id = models.CharField(_("记录编号"), max_length=64)
    record_label = models.CharField(_("记录名称"), max_length=300, blank=True)
    action = models.CharField(_("操作"), max_length=64)
    before = models.JSONField(_("变更前"), null=True, blank=True)
    after = models.JSONField(_("变更后"), null=True, blank=True)
    # One id for every row one action (a request, an API call, a command, a transition) wrote.
    # Nullable so adding it altered the append-only table in place; rows written before it
    # existed have none.
    correlation_id = models.CharField(  # noqa: DJ001
        _("操作编号"), max_length=32, null=True, blank=True, db_index=True
    )
    prev_hash = models.CharField(_("前一条哈希"), max_length=64)
    hash = models.CharField(_("哈希"), max_length=64)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-seq"]
        verbose_name = _("审计日志")
        verbose_name_plural = _("审计日志")
        indexes = [
            models.Index(fields=["agency", "-seq"]),
            models.Index(fields=["record_type", "record_id"]),
        ]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} {self.record_type}:{self.record_id}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionError("审计日志只能追加，不能修改")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("审计日志只能追加，不能删除")


class AuditChainHead(models.Model):
    """The single row that serialises appends and remembers the chain's last link,
    so that deleting the newest rows is detected too."""

    seq = models.PositiveBigIntegerField(default=0)
    last_hash = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("审计链头")

    def __str__(self) -> str:
        return f"#{self.seq} {self.last_hash[:12]}"


class ClientHit(models.Model):
    """One counted request of a client under a per-client limit (`core/rate_limits.py`), kept
    for a day. The client is a keyed digest of its address, never the address itself."""

    scope = models.CharField(max_length=40)
    client_digest = models.CharField(max_length=64)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        indexes: ClassVar = [models.Index(fields=["scope", "client_digest", "at"])]

    def __str__(self) -> str:
        return f"{self.scope} {self.client_digest[:8]} {self.at}"
