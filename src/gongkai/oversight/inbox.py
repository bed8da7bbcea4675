"""What 督查考核 puts in an inbox (待办): the agency's 整改 due within a week or overdue; for the
主管部门, remedies awaiting its re-check and those overdue."""

from gongkai.web.queues import Source

from .models import Remedy
from .queues import QUEUES

SOURCES = (
    Source(
        "督查考核", "整改任务即将到期或已逾期", Remedy, "oversight:remedies", QUEUES, "remedies_due"
    ),
    Source("督查考核", "整改情况待复核", Remedy, "oversight:remedies", QUEUES, "remedies_to_check"),
    Source(
        "督查考核", "下级机关逾期未整改", Remedy, "oversight:remedies", QUEUES, "remedies_overdue"
    ),
)
