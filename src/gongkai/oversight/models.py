"""Indicator systems as stored versions, each agency's profile for the gates, and the kept runs
of the automatic probes."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import AuditedModel

from . import systems


class SystemStatus(models.TextChoices):
    DRAFT = "draft", _("草稿")
    ACTIVE = "active", _("启用")
    RETIRED = "retired", _("停用")


class SystemKind(models.TextChoices):
    WEBSITE = systems.KIND.WEBSITE, _("政府网站检查")
    DISCLOSURE = systems.KIND.DISCLOSURE, _("政务公开工作考核")


class IndicatorSystem(AuditedModel):
    """One version of an indicator system: the shipped ones (no owner, read-only) and the
    copies an agency (a county's government, say) edits and switches on for its subtree.

    `definition` is the system as data (`systems.parse` reads it); a version that was once
    switched on is never edited again: a change makes the next version.
    """

    code = models.CharField(_("编号"), max_length=60)
    version = models.PositiveIntegerField(_("版本"), default=1)
    name = models.CharField(_("名称"), max_length=120)
    kind = models.CharField(_("类别"), max_length=12, choices=SystemKind.choices)
    year = models.PositiveSmallIntegerField(_("适用年度"))
    owner = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("制定机关"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("空：随平台提供的指标体系（只读）"),
    )
    based_on = models.ForeignKey(
        "self",
        verbose_name=_("复制自"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("状态"), max_length=10, choices=SystemStatus.choices, default=SystemStatus.DRAFT
    )
    definition = models.JSONField(_("指标定义"))
    was_active = models.BooleanField(_("曾经启用"), default=False, editable=False)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    scope_agency_field = "owner"

    class Meta:
        ordering = ["kind", "-year", "code", "-version"]
        verbose_name = _("考核指标体系")
        verbose_name_plural = _("考核指标体系")
        constraints = [
            models.UniqueConstraint(fields=["code", "version"], name="one_system_version"),
        ]

    def __str__(self) -> str:
        return f"{self.name}（第{self.version}版）"

    def audit_agency_id(self) -> int | None:
        return self.owner_id

    @property
    def shipped(self) -> bool:
        return self.owner_id is None

    @property
    def editable(self) -> bool:
        return not self.shipped and not self.was_active

    def system(self) -> systems.System:
        return systems.parse(self.definition)


class UnitProfile(AuditedModel):
    """What the gates need to know about an agency: whether it offers public services (else
    the services items are left out and its score scaled up) and whether its site is a portal
    (bonus points). Without a row: services yes, portal when it is a people's government."""

    agency = models.OneToOneField(
        "agencies.Agency",
        verbose_name=_("机关"),
        on_delete=models.CASCADE,
        related_name="oversight_profile",
    )
    has_services = models.BooleanField(
        _("有对外服务事项"),
        default=True,
        help_text=_("无对外服务事项的，办事服务指标不计，其余得分按比例折算（2019年：乘以4/3）"),
    )
    is_portal = models.BooleanField(
        _("门户网站"), default=False, help_text=_("加分指标仅适用于门户网站的，据此计算")
    )

    class Meta:
        verbose_name = _("考核对象设置")
        verbose_name_plural = _("考核对象设置")

    def __str__(self) -> str:
        return f"{self.agency.name} 考核对象设置"


class ProbeRun(models.Model):
    """One run of the automatic probes over some agencies, kept with every result."""

    started_at = models.DateTimeField(_("开始时间"))
    finished_at = models.DateTimeField(_("结束时间"), null=True, blank=True)
    today = models.DateField(_("检测日"))
    scheduled = models.BooleanField(_("定时检测"), default=False)
    started_by = models.CharField(_("发起人"), max_length=100, blank=True)
    agency_count = models.PositiveIntegerField(_("检测机关数"), default=0)
    probes = models.JSONField(_("检测项"), default=list)

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("自动检测")
        verbose_name_plural = _("自动检测")

    def __str__(self) -> str:
        return f"自动检测 {self.started_at:%Y-%m-%d %H:%M}"


class ProbeResult(models.Model):
    """What one probe found at one agency in one run: how many problems, and the evidence."""

    run = models.ForeignKey(ProbeRun, on_delete=models.CASCADE, related_name="results")
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("机关"), on_delete=models.CASCADE, related_name="+"
    )
    probe = models.CharField(_("检测项"), max_length=60)
    count = models.PositiveIntegerField(_("问题数"), default=0)
    summary = models.CharField(_("结论"), max_length=300, blank=True)
    evidence = models.JSONField(_("证据"), default=list, blank=True)

    class Meta:
        ordering = ["run", "agency", "probe"]
        verbose_name = _("自动检测结果")
        verbose_name_plural = _("自动检测结果")
        indexes = [models.Index(fields=["agency", "probe", "run"])]

    def __str__(self) -> str:
        return f"{self.probe} {self.count}"

    @property
    def failed(self) -> bool:
        return self.count > 0


class RoundCadence(models.TextChoices):
    QUARTERLY = "quarterly", _("季度")
    HALF_YEARLY = "half_yearly", _("半年")
    YEARLY = "yearly", _("年度")


class RoundStatus(models.TextChoices):
    OPEN = "open", _("进行中")
    CLOSED = "closed", _("已结束")


class AssessmentRound(AuditedModel):
    """One 督查考核 round of a 主管部门 over chosen agencies below it, scored under one stored
    version of an indicator system: the probes' findings of `probe_run` and the inspectors'
    deductions, with each deduction's 整改."""

    owner = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("组织机关"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    title = models.CharField(_("名称"), max_length=120)
    cadence = models.CharField(_("周期"), max_length=12, choices=RoundCadence.choices)
    period_start = models.DateField(_("考核期起"))
    period_end = models.DateField(_("考核期止"))
    system = models.ForeignKey(
        IndicatorSystem, verbose_name=_("指标体系"), on_delete=models.PROTECT, related_name="+"
    )
    agencies = models.ManyToManyField(
        "agencies.Agency", verbose_name=_("考核对象"), related_name="+"
    )
    probe_run = models.ForeignKey(
        ProbeRun,
        verbose_name=_("自动检测"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("状态"), max_length=10, choices=RoundStatus.choices, default=RoundStatus.OPEN
    )
    opened_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("发起人"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("发起时间"), auto_now_add=True)
    closed_at = models.DateTimeField(_("结束时间"), null=True, blank=True)

    scope_agency_field = "owner"

    class Meta:
        ordering = ["-period_end", "-pk"]
        verbose_name = _("考核轮次")
        verbose_name_plural = _("考核轮次")

    def __str__(self) -> str:
        return self.title

    def audit_agency_id(self) -> int | None:
        return self.owner_id


class Deduction(AuditedModel):
    """An inspector's score against one manual leaf for one agency in a round: the points lost
    (or, on a bonus leaf, earned; nothing on a veto leaf), the reason, the evidence (URL,
    screenshot, time seen)."""

    round = models.ForeignKey(
        AssessmentRound,
        verbose_name=_("考核轮次"),
        on_delete=models.CASCADE,
        related_name="deductions",
    )
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("被考核机关"), on_delete=models.PROTECT, related_name="+"
    )
    indicator = models.CharField(_("指标编号"), max_length=40)
    points = models.DecimalField(_("分值"), max_digits=6, decimal_places=2, null=True, blank=True)
    reason = models.TextField(_("扣分理由"))
    evidence_url = models.URLField(_("证据网址"), max_length=500, blank=True)
    screenshot = models.FileField(_("截图"), upload_to="oversight/%Y/", blank=True)
    observed_at = models.DateTimeField(_("发现时间"))
    inspector = models.ForeignKey(
        "accounts.User",
        verbose_name=_("检查人"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("录入时间"), auto_now_add=True)

    audit_exclude = frozenset({"screenshot"})

    class Meta:
        ordering = ["round", "agency", "pk"]
        verbose_name = _("人工评分")
        verbose_name_plural = _("人工评分")

    def __str__(self) -> str:
        return f"{self.indicator} {self.reason[:20]}"


class RemedyStatus(models.TextChoices):
    PENDING = "pending", _("待整改")
    ANSWERED = "answered", _("待复核")
    ACCEPTED = "accepted", _("整改到位")
    REJECTED = "rejected", _("整改不到位")


class Remedy(AuditedModel):
    """The 整改 a deduction asks of the agency: due by a date, answered by the agency (text,
    optional file), re-checked by the 主管部门."""

    deduction = models.OneToOneField(
        Deduction, verbose_name=_("扣分"), on_delete=models.CASCADE, related_name="remedy"
    )
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("整改机关"), on_delete=models.PROTECT, related_name="+"
    )
    due_on = models.DateField(_("整改期限"))
    status = models.CharField(
        _("状态"), max_length=10, choices=RemedyStatus.choices, default=RemedyStatus.PENDING
    )
    answer = models.TextField(_("整改情况"), blank=True)
    answer_file = models.FileField(_("整改材料"), upload_to="oversight/%Y/", blank=True)
    answered_at = models.DateTimeField(_("报送时间"), null=True, blank=True)
    answered_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("报送人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    check_note = models.TextField(_("复核意见"), blank=True)
    checked_at = models.DateTimeField(_("复核时间"), null=True, blank=True)
    checked_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("复核人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    audit_exclude = frozenset({"answer_file"})

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("整改任务")
        verbose_name_plural = _("整改任务")

    def __str__(self) -> str:
        return f"整改：{self.deduction}"


class CircularStatus(models.TextChoices):
    DRAFT = "draft", _("草稿")
    PUBLISHED = "published", _("已送审公开")


class Circular(AuditedModel):
    """The 通报 drafted from a closed round: its text as the staff edit it, and once sent for
    publication, the catalog item carrying it through review."""

    round = models.OneToOneField(
        AssessmentRound,
        verbose_name=_("考核轮次"),
        on_delete=models.CASCADE,
        related_name="circular",
    )
    title = models.CharField(_("标题"), max_length=200)
    number = models.CharField(_("发文字号"), max_length=60, blank=True)
    body = models.TextField(_("正文"))
    signature = models.CharField(_("发文机关署名"), max_length=100)
    dated = models.DateField(_("成文日期"))
    status = models.CharField(
        _("状态"), max_length=10, choices=CircularStatus.choices, default=CircularStatus.DRAFT
    )
    item = models.ForeignKey(
        "catalog.InfoItem",
        verbose_name=_("目录信息"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    scope_agency_field = "round__owner"

    class Meta:
        verbose_name = _("通报")
        verbose_name_plural = _("通报")

    def __str__(self) -> str:
        return self.title

    def audit_agency_id(self) -> int | None:
        return self.round.owner_id
