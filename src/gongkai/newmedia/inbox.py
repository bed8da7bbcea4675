"""What the 政务新媒体 register puts in an inbox (待办): accounts about to go or gone two weeks
without a post, or whose last post was never entered."""

from gongkai.web.queues import Source

from .models import NewMediaAccount
from .queues import QUEUES

SOURCES = (
    Source(
        "政务新媒体",
        "账号即将或已经超过2周未更新",
        NewMediaAccount,
        "newmedia:list",
        QUEUES,
        "new_media_attention",
    ),
)
