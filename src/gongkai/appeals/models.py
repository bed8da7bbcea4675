"""Appeals against disclosure decisions: 行政复议, 行政诉讼 and 投诉, linked to a case if any.

Table 4 of the annual report counts reconsiderations and the two kinds of suit by result
(维持 / 纠正 / 其他 / 尚未审结); complaints are recorded here too but are not in that table.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import AuditedModel

# One answer for a case of another agency and an id that does not exist, so that neither the
# form nor the API tells which ids exist elsewhere.
CASE_NOT_OURS = _("相关申请不存在，或不是本机关办理的申请")


class AppealKind(models.TextChoices):
    RECONSIDERATION = "reconsideration", "行政复议"
    LITIGATION_DIRECT = "litigation_direct", "行政诉讼（未经复议直接起诉）"
    LITIGATION_AFTER = "litigation_after", "行政诉讼（复议后起诉）"
    COMPLAINT = "complaint", "投诉"


class AppealResult(models.TextChoices):
    PENDING = "pending", "尚未审结"
    MAINTAINED = "maintained", "结果维持"
    CORRECTED = "corrected", "结果纠正"
    OTHER = "other", "其他结果"


class AppealQuerySet(models.QuerySet):
    def counted_in(self, year: int):
        """Appeals table 4 of `year` counts: decided that year, or still pending at its end.

        An appeal filed in an earlier year and concluded in `year` counts in `year`.
        """
        year_end = date(year, 12, 31)
        concluded = models.Q(concluded_on__year=year)
        pending = models.Q(filed_on__lte=year_end) & (
            models.Q(concluded_on__isnull=True) | models.Q(concluded_on__gt=year_end)
        )
        return self.exclude(kind=AppealKind.COMPLAINT).filter(concluded | pending)


class Appeal(AuditedModel):
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("被申请（被诉、被投诉）机关"),
        on_delete=models.PROTECT,
        related_name="appeals",
    )
    case = models.ForeignKey(
        "applications.Application",
        verbose_name=_("相关申请"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="appeals",
    )
    kind = models.CharField(_("类别"), max_length=20, choices=AppealKind.choices)
    appellant = models.CharField(_("申请人（原告、投诉人）"), max_length=100)
    body = models.CharField(
        _("复议机关、法院或受理投诉的机关"), max_length=100, help_text=_("如：某某县人民政府")
    )
    reference = models.CharField(_("案号或文号"), max_length=100, blank=True)
    filed_on = models.DateField(_("提起日期"))
    result = models.CharField(
        _("结果"), max_length=20, choices=AppealResult.choices, default=AppealResult.PENDING
    )
    concluded_on = models.DateField(_("审结日期"), null=True, blank=True)
    summary = models.TextField(_("情况说明"), blank=True)

    objects = AppealQuerySet.as_manager()

    class Meta:
        ordering = ["-filed_on", "-id"]
        verbose_name = _("复议诉讼投诉")
        verbose_name_plural = _("复议诉讼投诉")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.appellant} {self.filed_on}"

    def clean(self) -> None:
        errors = {}
        if self.case_id and self.agency_id and self.case.agency_id != self.agency_id:
            errors["case"] = CASE_NOT_OURS
        if self.result == AppealResult.PENDING and self.concluded_on:
            errors["concluded_on"] = _("尚未审结的，不填审结日期")
        if self.result != AppealResult.PENDING and not self.concluded_on:
            errors["concluded_on"] = _("已审结的，请填写审结日期")
        if self.concluded_on and self.filed_on and self.concluded_on < self.filed_on:
            errors["concluded_on"] = _("审结日期不能早于提起日期")
        if errors:
            raise ValidationError(errors)


TABLE4_GROUPS = (
    AppealKind.RECONSIDERATION,
    AppealKind.LITIGATION_DIRECT,
    AppealKind.LITIGATION_AFTER,
)
TABLE4_RESULTS = (
    AppealResult.MAINTAINED,
    AppealResult.CORRECTED,
    AppealResult.OTHER,
    AppealResult.PENDING,
)


def table4_records(appeals: AppealQuerySet, year: int) -> dict[tuple[str, str], list[int]]:
    """The appeals table 4 of `year` counts, by (kind, result): the one place that decides.

    An appeal decided after 31 December counts as 尚未审结 in that year's table.
    """
    year_end = date(year, 12, 31)
    cells: dict[tuple[str, str], list[int]] = {}
    for pk, kind, result, concluded_on in appeals.counted_in(year).values_list(
        "id", "kind", "result", "concluded_on"
    ):
        if concluded_on is None or concluded_on > year_end:
            result = AppealResult.PENDING
        cells.setdefault((kind, result), []).append(pk)
    return cells


def table4(appeals: AppealQuerySet, year: int) -> list[int]:
    """The 15 numbers of table 4: for each group, 维持, 纠正, 其他, 尚未审结 and 总计."""
    records = table4_records(appeals, year)
    row: list[int] = []
    for kind in TABLE4_GROUPS:
        cells = [len(records.get((kind, result), ())) for result in TABLE4_RESULTS]
        row += [*cells, sum(cells)]
    return row
