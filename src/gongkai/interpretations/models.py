"""An interpretation (政策解读) beside its catalog item, the documents it interprets, the reason
recorded when a policy document needs none, and each agency's 同步 setting.

The interpretation's public form is a catalog item (genre 政策解读) that passes the review gate
like any other; `Interpretation` holds only what the item cannot: the form, the drafting unit and
the links to the interpreted items."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import AuditedModel

from .elements import InterpretationForm


class Interpretation(AuditedModel):
    item = models.OneToOneField(
        "catalog.InfoItem",
        verbose_name=_("解读信息"),
        on_delete=models.PROTECT,
        related_name="interpretation",
    )
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("所属机关"), on_delete=models.PROTECT, related_name="+"
    )
    form = models.CharField(_("解读形式"), max_length=10, choices=InterpretationForm.choices)
    author_unit = models.ForeignKey(
        "agencies.InternalUnit",
        verbose_name=_("起草解读的内设机构"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    documents = models.ManyToManyField(
        "catalog.InfoItem",
        through="Link",
        verbose_name=_("所解读的文件"),
        related_name="interpretations",
    )
    # In the 限期 mode: the day the interpretation is due, counted from the document's release.
    due_on = models.DateField(_("应发布解读日期"), null=True, blank=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("政策解读")
        verbose_name_plural = _("政策解读")

    def __str__(self) -> str:
        version = self.item.current_version
        return version.title if version else self.item.index_no


class Link(AuditedModel):
    """One interpreted document of an interpretation (audited, as the links are public)."""

    interpretation = models.ForeignKey(
        Interpretation, verbose_name=_("政策解读"), on_delete=models.CASCADE, related_name="links"
    )
    document = models.ForeignKey(
        "catalog.InfoItem",
        verbose_name=_("所解读的文件"),
        on_delete=models.PROTECT,
        related_name="interpretation_links",
    )

    scope_agency_field = "interpretation__agency"

    class Meta:
        ordering = ["interpretation", "pk"]
        verbose_name = _("解读关联")
        verbose_name_plural = _("解读关联")
        constraints = [
            models.UniqueConstraint(
                fields=["interpretation", "document"], name="one_link_per_document"
            )
        ]

    def __str__(self) -> str:
        return f"{self.interpretation_id} → {self.document_id}"

    def audit_agency_id(self) -> int | None:
        return self.interpretation.agency_id


class NoInterpretationReason(AuditedModel):
    """Why a policy document is released without an interpretation, recorded by staff."""

    document = models.OneToOneField(
        "catalog.InfoItem",
        verbose_name=_("文件"),
        on_delete=models.PROTECT,
        related_name="no_interpretation_reason",
    )
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("所属机关"), on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField(_("无需解读的理由"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("记录人"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("记录时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("无需解读的理由")
        verbose_name_plural = _("无需解读的理由")

    def __str__(self) -> str:
        return self.reason


class SyncMode(models.TextChoices):
    OFF = "off", _("不作要求")
    TOGETHER = "together", _("同步审签、同步发布")
    FOLLOW = "follow", _("文件公开后限期发布解读")


class SyncSetting(AuditedModel):
    """An agency's 同步 rule: which documents need an interpretation (or a recorded reason)
    before their approval, and whether it is released with them or within some working days."""

    agency = models.OneToOneField(
        "agencies.Agency",
        verbose_name=_("机关"),
        on_delete=models.CASCADE,
        related_name="interpretation_setting",
    )
    mode = models.CharField(
        _("政策解读同步要求"), max_length=10, choices=SyncMode.choices, default=SyncMode.OFF
    )
    days = models.PositiveSmallIntegerField(
        _("解读发布时限（工作日）"),
        default=3,
        help_text=_("“限期发布”时，解读自文件公开之日起多少个工作日内发布"),
    )
    genres = models.ManyToManyField(
        "catalog.Genre",
        blank=True,
        verbose_name=_("另需解读的体裁"),
        related_name="interpretation_settings",
        help_text=_("规范性文件总须解读；另选本机关需要解读的其他体裁"),
    )

    class Meta:
        verbose_name = _("政策解读同步设置")
        verbose_name_plural = _("政策解读同步设置")

    def __str__(self) -> str:
        return f"{self.agency}：{self.get_mode_display()}"
