"""The tabs of the annual report list: every report, and the ones waiting for their next move
(Art. 49: the office sends it, the 主管部门 accepts it, the agency publishes it)."""

from gongkai.web.queues import Ask, Queue

from .models import EDITABLE_STATUSES, ReportStatus


def _to_submit(qs, ask: Ask):
    """Drafts and returned reports of a finished year: `rules._year_is_over` lets them go."""
    return qs.filter(status__in=EDITABLE_STATUSES, year__lt=ask.today.year)


QUEUES: dict[str, Queue] = {
    "all": Queue("全部", "report.view", lambda qs, ask: qs),
    "submit": Queue("待报送", "report.submit", _to_submit),
    "accept": Queue(
        "待审核", "report.accept", lambda qs, ask: qs.filter(status=ReportStatus.SUBMITTED)
    ),
    "publish": Queue(
        "审核通过待公开", "report.publish", lambda qs, ask: qs.filter(status=ReportStatus.ACCEPTED)
    ),
}
