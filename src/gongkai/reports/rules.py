"""When each transition of an annual report may happen, read from the report's status.

The services check these under the report's row lock; the editor page and the staff API list
the transitions they allow (`workflow.REPORT_WORKFLOW`).
"""

from datetime import date

from django.utils import timezone

from gongkai.lib.workflow import Rule, Rules

from .models import EDITABLE_STATUSES, AnnualReport, ReportStatus

_EDITABLE = frozenset(EDITABLE_STATUSES)


def _year_is_over(report: AnnualReport) -> str | None:
    """A report covers a finished year (Art. 49: 上一年度), its figures to 31 December: it
    leaves the agency only after that day."""
    if timezone.localdate() <= date(report.year, 12, 31):
        return (
            f"{report.year}年度尚未结束：年度报告的数据截至{report.year}年12月31日，"
            f"{report.year + 1}年1月1日起方可报送、审核和公开"
        )
    return None


REPORT_RULES = Rules.of(
    Rule("sections", "修改正文", _EDITABLE),
    Rule("figures", "填报数据", _EDITABLE),
    Rule("override", "更正数据", _EDITABLE),
    Rule("remove_override", "撤销更正", _EDITABLE),
    Rule("refresh", "重新计算", _EDITABLE),
    Rule("submit", "报送主管部门", _EDITABLE, _year_is_over),
    Rule("return", "退回", frozenset({ReportStatus.SUBMITTED})),
    Rule("accept", "审核通过", frozenset({ReportStatus.SUBMITTED}), _year_is_over),
    Rule("publish", "公开", frozenset({ReportStatus.ACCEPTED}), _year_is_over),
    record_name="报告",
    state_of=lambda report: report.status,
    state_label=lambda status: str(ReportStatus(status).label),
)
