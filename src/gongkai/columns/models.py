"""An agency's website columns (栏目) and the catalog topics and genres that feed them."""

from datetime import timedelta

from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.agencies.models import Agency
from gongkai.catalog.models import Genre, Topic
from gongkai.core.models import AuditedModel

from .kinds import ColumnKind


class Column(AuditedModel):
    """A column of the agency's site: updated whenever a public catalog item of one of its
    topics (or their sub-topics) or genres is published."""

    agency = models.ForeignKey(
        Agency, on_delete=models.CASCADE, related_name="columns", verbose_name=_("机关")
    )
    name = models.CharField(_("栏目名称"), max_length=60)
    kind = models.CharField(_("栏目类型"), max_length=10, choices=ColumnKind.choices)
    # A duration, so the database adds it to the last publication in the state query.
    update_cycle = models.DurationField(_("更新周期"), default=timedelta(days=14))
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="columns", verbose_name=_("主题分类")
    )
    genres = models.ManyToManyField(
        Genre, blank=True, related_name="columns", verbose_name=_("体裁")
    )
    explanation = models.TextField(
        _("情况说明"),
        blank=True,
        help_text=_("栏目确无信息可发布时，向公众说明原因；有说明的空栏目不算问题"),
    )
    is_active = models.BooleanField(_("启用"), default=True)

    class Meta:
        verbose_name = _("网站栏目")
        verbose_name_plural = _("网站栏目")
        ordering = ["agency", "id"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "name"], name="one_column_per_name")
        ]

    def __str__(self) -> str:
        return f"{self.agency.name} · {self.name}"

    @property
    def cycle_days(self) -> int:
        return self.update_cycle.days
