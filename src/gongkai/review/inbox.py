"""What the review gate puts in a signer's inbox (待办): reviews waiting at their step."""

from gongkai.web.queues import Source

from .models import Review
from .queues import QUEUES

SOURCES = (Source("主动公开", "待我签署的审查", Review, "review:queue", QUEUES, "mine"),)
