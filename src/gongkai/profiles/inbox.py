"""What the 机构概况 puts in an inbox (待办): changes waiting for a reviewer's approval."""

from gongkai.web.queues import Source

from .models import ProfileVersion
from .queues import QUEUES

SOURCES = (
    Source(
        "机构概况",
        "机构概况修改稿待审核",
        ProfileVersion,
        "profiles:list",
        QUEUES,
        "profiles_to_review",
    ),
)
