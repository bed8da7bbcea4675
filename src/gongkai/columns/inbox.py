"""What the website's columns put in an inbox (待办): columns about to go or gone stale, and
empty ones without a 情况说明."""

from gongkai.web.queues import Source

from .models import Column
from .queues import QUEUES

SOURCES = (
    Source(
        "网站栏目",
        "栏目即将或已经超期未更新（含空白栏目）",
        Column,
        "columns:list",
        QUEUES,
        "columns_attention",
    ),
)
