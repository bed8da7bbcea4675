"""The durable change queue that keeps the search index following the catalog."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IndexChange(models.Model):
    """One change to replay into the index, written in the same transaction as the change.

    The index is derived data: if the indexer or server dies, unprocessed rows are replayed
    (idempotently: an upsert replaces the key's document, a delete of a missing key is a no-op)
    by `gongkai search sync`.
    """

    class Op(models.TextChoices):
        UPSERT = "upsert", _("写入")
        DELETE = "delete", _("删除")

    key = models.CharField(_("文档键"), max_length=100, db_index=True)
    op = models.CharField(_("操作"), max_length=10, choices=Op.choices)
    # The document as `SearchDocument.to_dict()` gives it, frozen at the moment of the change.
    payload = models.JSONField(_("文档内容"), null=True, blank=True)
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)
    processed_at = models.DateTimeField(_("写入索引时间"), null=True, blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [
            models.Index(
                fields=["id"],
                name="search_change_pending",
                condition=models.Q(processed_at__isnull=True),
            )
        ]
        verbose_name = _("索引变更")
        verbose_name_plural = _("索引变更")

    def __str__(self) -> str:
        return f"{self.op} {self.key}"
