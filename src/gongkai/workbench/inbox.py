"""The inbox (待办): what waits for each staff user, counted, with a link to the list that shows it.

Each area contributes its sources in its own `inbox.py`; they are registered here, in `SOURCES`.
A source is a queue of some workbench list (`workbench.queues`) with the parameters of its
address, so the count and the list read the same rows. A user sees a source only where their
roles grant its queue's action (`agencies.access`); counting takes one query per source.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from gongkai.agencies import access
from gongkai.applications.inbox import SOURCES as CASE_SOURCES
from gongkai.catalog.inbox import SOURCES as CATALOG_SOURCES
from gongkai.columns.inbox import SOURCES as COLUMN_SOURCES
from gongkai.engagement.inbox import SOURCES as ENGAGEMENT_SOURCES
from gongkai.hotline.inbox import CALL_SOURCES
from gongkai.hotline.inbox import SOURCES as HOTLINE_SOURCES
from gongkai.interpretations.inbox import SOURCES as INTERPRETATION_SOURCES
from gongkai.newmedia.inbox import SOURCES as NEW_MEDIA_SOURCES
from gongkai.oversight.inbox import SOURCES as OVERSIGHT_SOURCES
from gongkai.profiles.inbox import SOURCES as PROFILE_SOURCES
from gongkai.reports.inbox import SOURCES as REPORT_SOURCES
from gongkai.review.inbox import SOURCES as REVIEW_SOURCES
from gongkai.web.queues import Source


@dataclass(frozen=True)
class Entry:
    source: Source
    count: int

    @property
    def title(self) -> str:
        return self.source.title

    @property
    def url(self) -> str:
        return self.source.url

    @property
    def queue_label(self) -> str:
        return self.source.queues[self.source.queue].label


SOURCES: tuple[Source, ...] = (
    *CASE_SOURCES,
    *REVIEW_SOURCES,
    *CATALOG_SOURCES,
    *INTERPRETATION_SOURCES,
    *REPORT_SOURCES,
    *ENGAGEMENT_SOURCES,
    *HOTLINE_SOURCES,
    *CALL_SOURCES,
    *COLUMN_SOURCES,
    *PROFILE_SOURCES,
    *NEW_MEDIA_SOURCES,
    *OVERSIGHT_SOURCES,
)


def inbox_for(user, today: date, sources: Iterable[Source] = SOURCES) -> list[Entry]:
    """Every source the user's roles reach, with its count (zero included)."""
    return [
        Entry(source, source.rows(user, today).count())
        for source in sources
        if not access.grant(user, source.action).nothing
    ]


def by_area(entries: Iterable[Entry]) -> list[tuple[str, list[Entry]]]:
    """The non-empty entries grouped by area, areas in the order of `SOURCES`."""
    groups: dict[str, list[Entry]] = {}
    for entry in entries:
        if entry.count:
            groups.setdefault(entry.source.area, []).append(entry)
    return list(groups.items())


def tile_counts(entries: Iterable[Entry]) -> dict[str, Entry]:
    """For a menu tile, by its page's URL name: the first waiting entry that page lists."""
    tiles: dict[str, Entry] = {}
    for entry in entries:
        if entry.count:
            tiles.setdefault(entry.source.url_name, entry)
    return tiles
