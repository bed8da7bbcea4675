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


class IntegrityScan(models.Model):
    """One run of the integrity scan over every published item page (`checks.integrity`).

    Bookkeeping of a timer, not a change anyone makes: the runs are not in the audit trail;
    each page found wrong is, as an `integrity_alert` on its item."""

    started_at = models.DateTimeField(_("开始时间"))
    finished_at = models.DateTimeField(_("结束时间"), null=True, blank=True)
    base_url = models.CharField(_("门户地址"), max_length=200)
    scheduled = models.BooleanField(_("定时扫描"), default=False)
    # {agency id: pages scanned}, so an agency's staff read their own count and no other's.
    pages_by_agency = models.JSONField(_("各机关扫描页面数"), default=dict)

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("发布内容完整性扫描")
        verbose_name_plural = _("发布内容完整性扫描")

    def __str__(self) -> str:
        return f"{self.started_at:%Y-%m-%d %H:%M} {self.base_url}"

    def pages_of(self, agency_id: int) -> int:
        return self.pages_by_agency.get(str(agency_id), 0)


class IntegrityFinding(models.Model):
    """A published page a scan found differing from its approved version or carrying
    injected content."""

    scan = models.ForeignKey(
        IntegrityScan, verbose_name=_("扫描"), on_delete=models.CASCADE, related_name="findings"
    )
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("所属机关"), on_delete=models.PROTECT, related_name="+"
    )
    item = models.ForeignKey(
        "catalog.InfoItem", verbose_name=_("政府信息"), on_delete=models.PROTECT, related_name="+"
    )
    url = models.CharField(_("页面地址"), max_length=300)
    problems = models.JSONField(_("问题"), default=list)
    notes = models.JSONField(_("说明"), default=list, blank=True)

    class Meta:
        ordering = ["scan", "agency", "pk"]
        verbose_name = _("发布内容完整性问题")
        verbose_name_plural = _("发布内容完整性问题")

    def __str__(self) -> str:
        return f"{self.item_id}: {'；'.join(self.problems)}"
