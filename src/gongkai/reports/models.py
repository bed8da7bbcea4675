"""The annual report (政府信息公开工作年度报告) of one agency for one year, and its overrides."""

from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.agencies.models import AgencyKind
from gongkai.core.models import AuditedModel


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("草稿")
    SUBMITTED = "submitted", _("已报送主管部门")
    RETURNED = "returned", _("已退回")
    ACCEPTED = "accepted", _("主管部门已审核")
    PUBLISHED = "published", _("已公开")


class ReportOrigin(models.TextChoices):
    BUILT = "built", _("本系统生成")
    IMPORTED = "imported", _("从已发布报告导入")


EDITABLE_STATUSES = (ReportStatus.DRAFT, ReportStatus.RETURNED)


def deadline(kind: str, year: int) -> date:
    """Art. 49: departments publish last year's report by 31 January, governments by 31 March."""
    if kind == AgencyKind.GOVERNMENT:
        return date(year + 1, 3, 31)
    return date(year + 1, 1, 31)


class AnnualReportQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=ReportStatus.PUBLISHED)

    def for_year(self, year: int):
        return self.filter(year=year)


class AnnualReport(AuditedModel):
    """One agency's report for one year: narrative sections 一、五、六 as edited text, tables 二–四
    computed from the records (`figures`, refreshed on every save of a draft) and, once
    published, a frozen copy (`published_content`) with its SHA-256."""

    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("机关"),
        on_delete=models.PROTECT,
        related_name="annual_reports",
    )
    year = models.PositiveSmallIntegerField(_("报告年度"))
    format_code = models.CharField(_("格式"), max_length=8)
    status = models.CharField(
        _("状态"), max_length=12, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    origin = models.CharField(
        _("来源"), max_length=10, choices=ReportOrigin.choices, default=ReportOrigin.BUILT
    )

    overview = models.TextField(_("一、总体情况"), blank=True)
    problems = models.TextField(_("五、存在的主要问题及改进情况"), blank=True)
    other_matters = models.TextField(_("六、其他需要报告的事项"), blank=True)

    # Table 2 figures with no records in the system, entered by staff.
    licensing = models.PositiveIntegerField(_("行政许可处理决定数量"), null=True, blank=True)
    punishment = models.PositiveIntegerField(_("行政处罚处理决定数量"), null=True, blank=True)
    coercion = models.PositiveIntegerField(_("行政强制处理决定数量"), null=True, blank=True)
    fees = models.DecimalField(
        _("行政事业性收费金额（万元）"), max_digits=14, decimal_places=4, null=True, blank=True
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("填报人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    entered_at = models.DateTimeField(_("填报时间"), null=True, blank=True)

    figures = models.JSONField(_("表格数据"), default=dict, blank=True)
    proactive_items = models.PositiveIntegerField(_("本年主动公开信息数"), null=True, blank=True)
    inconsistencies = models.JSONField(_("检查结果"), default=list, blank=True)
    computed_at = models.DateTimeField(_("计算时间"), null=True, blank=True)

    submitted_at = models.DateTimeField(_("报送时间"), null=True, blank=True)
    return_reason = models.TextField(_("退回理由"), blank=True)
    accepted_at = models.DateTimeField(_("审核通过时间"), null=True, blank=True)
    published_at = models.DateTimeField(_("公开时间"), null=True, blank=True)
    published_content = models.JSONField(_("公开版本"), null=True, blank=True, editable=False)
    content_hash = models.CharField(_("公开版本 SHA-256"), max_length=64, blank=True)
    source_name = models.CharField(_("导入文件"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    objects = AnnualReportQuerySet.as_manager()
    # Recomputed figures are noise in the trail; transitions record what matters.
    audit_exclude = frozenset({"figures", "inconsistencies", "computed_at", "published_content"})

    class Meta:
        ordering = ["-year", "agency__path"]
        verbose_name = _("政府信息公开工作年度报告")
        verbose_name_plural = _("政府信息公开工作年度报告")
        constraints = [
            models.UniqueConstraint(fields=["agency", "year"], name="unique_report_per_year"),
        ]
        indexes = [models.Index(fields=["year", "status"])]

    def __str__(self) -> str:
        return f"{self.agency.name}{self.year}年政府信息公开工作年度报告"

    @property
    def title(self) -> str:
        return str(self)

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES

    @property
    def deadline(self) -> date:
        return deadline(self.agency.kind, self.year)


class FigureOverride(AuditedModel):
    """A generated cell replaced by hand, with the reason; the records stay as they are."""

    report = models.ForeignKey(
        AnnualReport,
        verbose_name=_("年度报告"),
        on_delete=models.CASCADE,
        related_name="overrides",
    )
    cell = models.CharField(_("单元格"), max_length=80)
    value = models.PositiveIntegerField(_("更正后数值"))
    computed_value = models.PositiveIntegerField(_("系统计算数值"), null=True, blank=True)
    reason = models.TextField(_("更正理由"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("更正人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("更正时间"), auto_now_add=True)

    scope_agency_field = "report__agency"

    class Meta:
        ordering = ["report", "cell"]
        verbose_name = _("报告数据更正")
        verbose_name_plural = _("报告数据更正")
        constraints = [
            models.UniqueConstraint(fields=["report", "cell"], name="unique_override_per_cell"),
        ]

    def __str__(self) -> str:
        return f"{self.report} {self.cell} = {self.value}"

    def audit_agency_id(self) -> int | None:
        return self.report.agency_id
