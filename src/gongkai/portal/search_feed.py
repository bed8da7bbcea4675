"""Everything the portal shows that search finds, for `gongkai reindex` (the default
GONGKAI_SEARCH_SOURCE): published catalog items, each active agency's 政府信息公开指南 and the
published annual reports.

Replies to applications are not among them: a reply goes to its applicant only. What an agency
chooses to publish of one is a catalog item like any other.
"""

from collections.abc import Iterator

from gongkai.catalog.search_feed import CatalogSource, GuideSource
from gongkai.reports.search_feed import ReportSource
from gongkai.search.documents import SearchDocument


class PublicPagesSource:
    def __init__(self) -> None:
        self._sources = (CatalogSource(), GuideSource(), ReportSource())

    def count(self) -> int:
        return sum(source.count() for source in self._sources)

    def documents(self) -> Iterator[SearchDocument]:
        for source in self._sources:
            yield from source.documents()
