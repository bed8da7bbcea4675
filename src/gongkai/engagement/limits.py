"""The per-client limits on the public pages of 政民互动 (`core/rate_limits.py`)."""

from datetime import timedelta

from gongkai.core.rate_limits import Limit

MESSAGE_POST = Limit(
    scope="message_post",
    setting="GONGKAI_MESSAGE_POSTS_PER_15_MIN",
    window=timedelta(minutes=15),
    message="提交过于频繁，请15分钟后再试。您填写的内容仍保留在下方，无需重新填写。",
)

COMMENT_POST = Limit(
    scope="consultation_comment",
    setting="GONGKAI_CONSULTATION_COMMENTS_PER_15_MIN",
    window=timedelta(minutes=15),
    message="提交过于频繁，请15分钟后再试。您填写的意见仍保留在下方，无需重新填写。",
)
