"""An agency's profile (机构概况) as numbered versions: one published, at most one being edited.

The public page reads only the published version, so a change reaches the public only when a
reviewer approves the draft. A leader (`Leader`) is one person's tenure at the agency, kept
when they leave with the day they left; each version lists the leaders it shows
(`LeaderEntry`), so the versions published one after another are the dated history of posts
and portfolios.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gongkai.agencies.models import Agency, InternalUnit, phone_validator
from gongkai.core.models import AuditedModel


class ProfileStatus(models.TextChoices):
    DRAFT = "draft", _("草稿")
    SUBMITTED = "submitted", _("待审核")
    RETURNED = "returned", _("已退回")
    PUBLISHED = "published", _("已发布")
    SUPERSEDED = "superseded", _("已被新版本替代")


OPEN_STATUSES = (ProfileStatus.DRAFT, ProfileStatus.SUBMITTED, ProfileStatus.RETURNED)
EDITABLE_STATUSES = (ProfileStatus.DRAFT, ProfileStatus.RETURNED)
# What the public has seen, newest first: the history is read from these.
SHOWN_STATUSES = (ProfileStatus.PUBLISHED, ProfileStatus.SUPERSEDED)


class ProfileVersionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=ProfileStatus.PUBLISHED)

    def open(self):
        return self.filter(status__in=OPEN_STATUSES)


class ProfileVersion(AuditedModel):
    """One version of an agency's 机构概况: its duties and basic information, with its internal
    units and leaders beside it."""

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="profile_versions", verbose_name=_("机关")
    )
    number = models.PositiveIntegerField(_("版本号"))
    status = models.CharField(
        _("状态"), max_length=12, choices=ProfileStatus.choices, default=ProfileStatus.DRAFT
    )
    duties = models.TextField(_("机构职能"), blank=True)
    address = models.CharField(_("办公地址"), max_length=200, blank=True)
    postcode = models.CharField(
        _("邮政编码"),
        max_length=6,
        blank=True,
        validators=[RegexValidator(r"^\d{6}$", _("邮政编码应为6位数字"))],
    )
    phone = models.CharField(_("联系电话"), max_length=40, blank=True, validators=[phone_validator])
    fax = models.CharField(_("传真"), max_length=40, blank=True, validators=[phone_validator])
    email = models.EmailField(_("电子邮箱"), blank=True)
    office_hours = models.CharField(_("办公时间"), max_length=200, blank=True)
    change_note = models.CharField(_("变更说明"), max_length=200, blank=True)
    effective_on = models.DateField(
        _("生效日期"), help_text=_("本次变更生效的日期：职务、分工变更按此日期记入领导信息的历史")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("起草人"),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("提交人"),
    )
    submitted_at = models.DateTimeField(_("提交时间"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("审核人"),
    )
    return_reason = models.TextField(_("退回理由"), blank=True)
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True)

    objects = ProfileVersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("机构概况")
        verbose_name_plural = _("机构概况")
        ordering = ["agency", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "number"], name="one_profile_number"),
            models.UniqueConstraint(
                fields=["agency"],
                condition=Q(status__in=["draft", "submitted", "returned"]),
                name="one_open_profile_per_agency",
            ),
            models.UniqueConstraint(
                fields=["agency"],
                condition=Q(status="published"),
                name="one_published_profile_per_agency",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agency.name} · 机构概况第{self.number}版"

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES


class ProfileUnit(AuditedModel):
    """An internal unit as a profile version shows it: name, duties and phone."""

    version = models.ForeignKey(
        ProfileVersion, on_delete=models.CASCADE, related_name="units", verbose_name=_("版本")
    )
    unit = models.ForeignKey(
        InternalUnit,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("对应内设机构"),
    )
    name = models.CharField(_("名称"), max_length=60)
    duties = models.TextField(_("主要职责"), blank=True)
    phone = models.CharField(_("电话"), max_length=40, blank=True, validators=[phone_validator])
    sort_order = models.PositiveIntegerField(
        _("排序"), default=100, validators=[MaxValueValidator(9999)]
    )

    scope_agency_field = "version__agency"

    class Meta:
        verbose_name = _("内设机构（机构概况）")
        verbose_name_plural = _("内设机构（机构概况）")
        ordering = ["version", "sort_order", "id"]

    def __str__(self) -> str:
        return self.name

    def audit_agency_id(self) -> int | None:
        return self.version.agency_id


class Leader(AuditedModel):
    """One person's tenure as a leader of the agency, kept after they leave."""

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="leaders", verbose_name=_("机关")
    )
    name = models.CharField(_("姓名"), max_length=40)
    took_office = models.DateField(_("任职日期"))
    left_office = models.DateField(_("离任日期"), null=True, blank=True)

    class Meta:
        verbose_name = _("领导")
        verbose_name_plural = _("领导")
        ordering = ["agency", "took_office", "id"]

    def __str__(self) -> str:
        return self.name


class LeaderEntry(AuditedModel):
    """A leader as one profile version shows them: post, portfolio, CV and photo; marked as
    leaving, with the day, in the version that records their departure."""

    version = models.ForeignKey(
        ProfileVersion, on_delete=models.CASCADE, related_name="leaders", verbose_name=_("版本")
    )
    leader = models.ForeignKey(
        Leader, on_delete=models.PROTECT, related_name="entries", verbose_name=_("领导")
    )
    post = models.CharField(_("职务"), max_length=60)
    portfolio = models.TextField(_("分工"), blank=True)
    cv = models.TextField(_("简历"), blank=True)
    photo = models.FileField(_("照片"), upload_to="profiles/photos/", blank=True)
    photo_kind = models.CharField(_("照片类型"), max_length=8, blank=True)
    # The trail records which photo (by its content's hash), not the file object.
    photo_sha256 = models.CharField(_("照片 SHA-256"), max_length=64, blank=True)
    sort_order = models.PositiveIntegerField(
        _("排序"), default=100, validators=[MaxValueValidator(9999)]
    )
    left_on = models.DateField(_("离任日期"), null=True, blank=True)

    scope_agency_field = "version__agency"
    audit_exclude = frozenset({"photo"})

    class Meta:
        verbose_name = _("领导信息")
        verbose_name_plural = _("领导信息")
        ordering = ["version", "sort_order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["version", "leader"], name="one_entry_per_leader")
        ]

    def __str__(self) -> str:
        return f"{self.leader.name}（{self.post}）"

    def audit_agency_id(self) -> int | None:
        return self.version.agency_id
