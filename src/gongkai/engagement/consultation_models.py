"""意见征集: a consultation on a draft, the comments the public sends on line, and the 采纳情况
(what was adopted and why not) published once it has closed.

Kept apart from the messages' models; `models.py` imports these so Django finds them.
"""

from datetime import date

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.agencies.models import Agency
from gongkai.catalog.models import InfoItem
from gongkai.core.models import AuditedModel

COMMENT_MAX_CHARS = 5000
# 重大行政决策程序暂行条例 (国务院令第713号) 第十四条: the period for the public's comments on a
# 重大行政决策 is generally not less than 30 days.
MAJOR_DECISION_MIN_DAYS = 30
# An ordinary draft's default period, when staff give none (a common local practice).
DEFAULT_PERIOD_DAYS = 15


class ConsultationStatus(models.TextChoices):
    DRAFT = "draft", _("草稿")
    OPEN = "open", _("已发布")
    CLOSED = "closed", _("已截止")
    CONCLUDED = "concluded", _("已公布采纳情况")


class ConsultationQuerySet(models.QuerySet):
    def published(self):
        """Consultations the public sees: put out for comment, closed or concluded."""
        return self.exclude(status=ConsultationStatus.DRAFT)

    def with_counts(self):
        """Each consultation with its comments received (not held, not rejected) counted,
        newest first (a grouped query keeps no default ordering)."""
        return self.annotate(
            comment_count=models.Count(
                "comments",
                filter=models.Q(comments__status__in=COUNTED_COMMENT_STATUSES),
            )
        ).order_by("-opens_on", "-id")


class Consultation(AuditedModel):
    """A draft put out for the public's comments between two dates; after it closes the office
    publishes how it dealt with them (采纳情况)."""

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="consultations", verbose_name=_("机关")
    )
    title = models.CharField(_("征集标题"), max_length=200)
    explanation = models.TextField(_("起草说明"))
    # The draft: a catalog item of the agency, or a file uploaded here (or both).
    item = models.ForeignKey(
        InfoItem,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("关联的政府信息"),
    )
    draft = models.FileField(_("草案文件"), upload_to="consultations/", blank=True)
    draft_name = models.CharField(_("草案文件名称"), max_length=200, blank=True)
    major_decision = models.BooleanField(_("重大行政决策"), default=False)
    opens_on = models.DateField(_("开始日期"))
    closes_on = models.DateField(_("截止日期"))
    status = models.CharField(
        _("状态"),
        max_length=12,
        choices=ConsultationStatus.choices,
        default=ConsultationStatus.DRAFT,
    )
    published_on = models.DateField(_("发布日期"), null=True, blank=True)
    closed_on = models.DateField(_("截止征集日期"), null=True, blank=True)
    result_text = models.TextField(_("采纳情况说明"), blank=True)
    result_published_on = models.DateField(_("采纳情况公布日期"), null=True, blank=True)
    created_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("创建人"),
    )
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now)

    audit_exclude = frozenset({"draft"})

    objects = ConsultationQuerySet.as_manager()

    class Meta:
        verbose_name = _("意见征集")
        verbose_name_plural = _("意见征集")
        ordering = ["-opens_on", "-id"]
        indexes = [models.Index(fields=["agency", "status", "opens_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_on__gte=models.F("opens_on")),
                name="consultation_closes_after_it_opens",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def period_days(self) -> int:
        """Calendar days the comments are taken, both ends included."""
        return (self.closes_on - self.opens_on).days + 1

    def taking_comments(self, today: date) -> bool:
        return self.status == ConsultationStatus.OPEN and self.opens_on <= today <= self.closes_on

    def phase(self, today: date) -> str:
        """What the public reads: 未开始, 征集中, 已截止, 已公布采纳情况."""
        if self.status == ConsultationStatus.CONCLUDED:
            return "已公布采纳情况"
        if self.status == ConsultationStatus.DRAFT:
            return "草稿"
        if self.status == ConsultationStatus.CLOSED or today > self.closes_on:
            return "已截止"
        return "征集中" if today >= self.opens_on else "未开始"

    @property
    def draft_kind(self) -> str:
        """The sniffed type the draft was stored as (its stored name ends with it)."""
        return self.draft.name.rsplit(".", 1)[-1] if self.draft else ""


class CommentStatus(models.TextChoices):
    HELD = "held", _("疑似垃圾信息待核")
    PENDING = "pending", _("待审核")
    VALID = "valid", _("有效意见")
    REJECTED = "rejected", _("不予采用（无效）")


# Comments counted as received: everything but spam held or rejected after review.
COUNTED_COMMENT_STATUSES = (CommentStatus.PENDING, CommentStatus.VALID)


class ConsultationComment(AuditedModel):
    """One comment on a consultation, from the public form; staff moderate it."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="comments", verbose_name=_("意见征集")
    )
    submission_token = models.CharField(max_length=64, null=True, blank=True, unique=True)
    status = models.CharField(
        _("状态"), max_length=12, choices=CommentStatus.choices, default=CommentStatus.PENDING
    )
    writer_name = models.CharField(_("姓名"), max_length=50, blank=True)
    phone = models.CharField(_("联系电话"), max_length=40, blank=True)
    email = models.EmailField(_("电子邮箱"), blank=True)
    text = models.TextField(_("意见内容"))
    held_reason = models.CharField(_("待核原因"), max_length=300, blank=True)
    rejection_reason = models.CharField(_("不予采用的理由"), max_length=500, blank=True)
    received_at = models.DateTimeField(_("提交时间"), default=timezone.now)

    audit_exclude = frozenset({"submission_token"})
    scope_agency_field = "consultation__agency"

    class Meta:
        verbose_name = _("征集意见")
        verbose_name_plural = _("征集意见")
        ordering = ["received_at", "id"]
        indexes = [models.Index(fields=["consultation", "status"])]

    def __str__(self) -> str:
        return f"{self.consultation.title} · 意见{self.pk}"

    @property
    def writer_display(self) -> str:
        return self.writer_name or "匿名"


class AdoptionDecision(models.TextChoices):
    ADOPTED = "adopted", _("采纳")
    PARTLY = "partly", _("部分采纳")
    NOT_ADOPTED = "not_adopted", _("未采纳")


class Adoption(AuditedModel):
    """One line of the 采纳情况: a comment or a group of like comments, summed up, with the
    decision and its reason. Written after the consultation closes; public once published."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="adoptions", verbose_name=_("意见征集")
    )
    summary = models.TextField(_("意见摘要"))
    decision = models.CharField(_("采纳情况"), max_length=12, choices=AdoptionDecision.choices)
    reason = models.TextField(_("理由"), blank=True)
    comments = models.ManyToManyField(
        ConsultationComment, related_name="adoptions", verbose_name=_("对应的意见")
    )
    # The public copy, masked like a published reply (ID numbers, phones, bank cards).
    public_summary = models.TextField(_("公开的意见摘要"), blank=True)
    public_reason = models.TextField(_("公开的理由"), blank=True)

    scope_agency_field = "consultation__agency"

    class Meta:
        verbose_name = _("采纳情况")
        verbose_name_plural = _("采纳情况")
        ordering = ["consultation", "id"]

    def __str__(self) -> str:
        return f"{self.get_decision_display()}：{self.summary[:30]}"
