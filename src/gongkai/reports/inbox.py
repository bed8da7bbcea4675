"""What the annual report puts in an inbox (待办): reports to send, to accept, to publish."""

from gongkai.web.queues import Source

from .models import AnnualReport
from .queues import QUEUES

AREA = "年度报告"


def _source(title: str, queue: str) -> Source:
    return Source(AREA, title, AnnualReport, "reports:list", QUEUES, queue)


SOURCES = (
    _source("年度已结束、待报送主管部门的年度报告", "submit"),
    _source("下级机关报送、待审核的年度报告", "accept"),
    _source("主管部门已审核、待公开的年度报告", "publish"),
)
