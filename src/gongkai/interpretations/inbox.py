"""What interpretations put in an inbox (待办): policy documents with neither an interpretation
nor a recorded reason, and interpretations due under the 限期 mode and not yet published."""

from gongkai.catalog.models import InfoItem
from gongkai.web.queues import Source

from .models import Interpretation
from .queues import DOCUMENT_QUEUES, INTERPRETATION_QUEUES

SOURCES = (
    Source(
        "政策解读",
        "政策文件尚无解读，也未记录无需解读的理由",
        InfoItem,
        "interpretations:documents",
        DOCUMENT_QUEUES,
        "policy_unexplained",
    ),
    Source(
        "政策解读",
        "文件已公开、解读限期待发布",
        Interpretation,
        "interpretations:list",
        INTERPRETATION_QUEUES,
        "interpretations_due",
    ),
)
