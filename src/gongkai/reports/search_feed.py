"""What the annual reports give full-text search: each published report as a
`SearchDocument` (the text of its HTML export), a source for full rebuilds, and the receiver
that queues the index change in the publishing transaction."""

from collections.abc import Iterator

from django.urls import reverse
from django.utils import timezone

from gongkai.checks.extract import html_to_text
from gongkai.search.documents import Kind, SearchDocument, Status
from gongkai.search.services import enqueue_upsert

from .content import ReportContent
from .exports.html import write_html
from .models import AnnualReport


def key_for(report: AnnualReport) -> str:
    return f"report:{report.pk}"


def document_for(report: AnnualReport) -> SearchDocument:
    """The published report as search indexes it: what its HTML export says."""
    content = ReportContent.from_json(report.published_content)
    agency = report.agency
    return SearchDocument(
        key=key_for(report),
        title=content.title,
        agency_id=agency.pk,
        agency_path=agency.path,
        agency_name=agency.name,
        published_on=timezone.localdate(report.published_at) if report.published_at else None,
        genre="年度报告",
        disclosure="proactive",
        # The export's first line is its title, indexed as such.
        body=html_to_text(write_html(content)).removeprefix(content.title).strip(),
        status=Status.PUBLISHED,
        url=reverse("annual_reports:detail", args=[report.pk]),
        kind=Kind.REPORT,
    )


class ReportSource:
    """Every published report of an active agency (what the portal shows), for
    `gongkai reindex`."""

    def _reports(self):
        return (
            AnnualReport.objects.published()
            .filter(agency__is_active=True)
            .select_related("agency")
            .order_by("pk")
        )

    def count(self) -> int:
        return self._reports().count()

    def documents(self) -> Iterator[SearchDocument]:
        for report in self._reports().iterator(chunk_size=50):
            yield document_for(report)


def on_published(sender, report: AnnualReport, **kwargs) -> None:
    enqueue_upsert(document_for(report))
