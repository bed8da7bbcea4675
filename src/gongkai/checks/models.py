"""A deployment's own additions to the package word lists, edited by its system admins."""

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import AuditedModel

from .list_formats import BY_NAME, WORD_LISTS, WordList, parse


class CheckListEntry(AuditedModel):
    """One addition to a package word list. Entries are deactivated, never deleted, so the
    audit trail keeps every version of every entry."""

    list_name = models.CharField(
        _("词表"), max_length=64, choices=[(w.name, w.label) for w in WORD_LISTS]
    )
    entry = models.TextField(_("条目"))
    note = models.CharField(_("备注"), max_length=200, blank=True)
    is_active = models.BooleanField(_("启用"), default=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("添加人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    added_at = models.DateTimeField(_("添加时间"), auto_now_add=True)

    class Meta:
        ordering = ["list_name", "pk"]
        verbose_name = _("检查词表条目")
        verbose_name_plural = _("检查词表条目")

    def __str__(self) -> str:
        return f"{self.list_name}: {self.entry.splitlines()[0] if self.entry else ''}"

    @property
    def word_list(self) -> WordList:
        return BY_NAME[self.list_name]

    def value(self) -> Any:
        return parse(self.word_list, self.entry)
