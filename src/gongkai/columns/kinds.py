"""The kinds of column and how often each must be updated, as data.

The cycles are the website inspection's: a news column (动态、要闻) not updated for 2 weeks, a
notice or policy column (通知公告、政策文件) not updated for 6 months counts as stale (国办秘函
〔2019〕19号《政府网站与政务新媒体检查指标》, 单项否决 "栏目不更新"). Six months are counted as 183
days, so a column is never called stale before six calendar months have passed.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db import models
from django.utils.translation import gettext_lazy as _


class ColumnKind(models.TextChoices):
    NEWS = "news", _("动态要闻")
    NOTICE = "notice", _("通知公告")
    POLICY = "policy", _("政策文件")
    OTHER = "other", _("其他")


HALF_YEAR_DAYS = 183

CYCLE_DAYS: dict[str, int] = {
    ColumnKind.NEWS: 14,
    ColumnKind.NOTICE: HALF_YEAR_DAYS,
    ColumnKind.POLICY: HALF_YEAR_DAYS,
    # The inspection names no cycle for other columns; they are held to the longer one.
    ColumnKind.OTHER: HALF_YEAR_DAYS,
}


def default_cycle(kind: str) -> timedelta:
    return timedelta(days=CYCLE_DAYS[kind])


@dataclass(frozen=True)
class ColumnDefault:
    name: str
    kind: str
    genres: tuple[str, ...]  # 体裁 names; a name the installation lacks is skipped


# The columns every agency starts with (国办发〔2017〕47号《政府网站发展指引》: documents,
# news and notices), fed by the catalog's genres; an agency edits, adds or closes its own.
DEFAULT_COLUMNS = (
    ColumnDefault("工作动态", ColumnKind.NEWS, ("工作动态",)),
    ColumnDefault("通知公告", ColumnKind.NOTICE, ("通知", "通告", "公告")),
    ColumnDefault("政策文件", ColumnKind.POLICY, ("规范性文件", "规章", "决定", "意见")),
    ColumnDefault("财政预决算", ColumnKind.OTHER, ("财政预决算",)),
)
