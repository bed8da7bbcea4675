"""A run of the integrity scan, kept: every page of every published item is fetched and
compared (`integrity.scan`), the run and the pages found wrong are stored for the workbench's
发布内容完整性 page, and each wrong page is recorded on its item and mailed to its agency's
admins. `gongkai integrity scan` runs it by hand or from cron (`--scheduled`)."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from gongkai.agencies.models import Role
from gongkai.catalog.models import InfoItem
from gongkai.checks.integrity import Fetch, PageReport, fetch_page, scan
from gongkai.checks.models import IntegrityFinding, IntegrityScan
from gongkai.core.actor import Actor, acting_as
from gongkai.core.audit import record_transition

SCANNER = "发布内容完整性扫描"


@dataclass(frozen=True)
class Run:
    record: IntegrityScan
    reports: list[PageReport]

    @property
    def failed(self) -> list[PageReport]:
        return [r for r in self.reports if not r.ok]


def run(base_url: str, *, scheduled: bool = False, fetch: Fetch = fetch_page) -> Run:
    """Scan every published item page served at `base_url` and keep what was found."""
    items = {
        item.pk: item
        for item in InfoItem.objects.public()
        .select_related("published_version", "agency")
        .order_by("pk")
    }
    started = timezone.now()
    with acting_as(Actor(None, SCANNER)):
        reports = scan(items.values(), base_url, fetch)
        with transaction.atomic():
            pages: dict[str, int] = {}
            for item in items.values():
                pages[str(item.agency_id)] = pages.get(str(item.agency_id), 0) + 1
            record = IntegrityScan.objects.create(
                started_at=started,
                finished_at=timezone.now(),
                base_url=base_url,
                scheduled=scheduled,
                pages_by_agency=pages,
            )
            for report in reports:
                if not report.ok:
                    _keep(record, items[report.item_id], report)
    return Run(record, reports)


def _keep(record: IntegrityScan, item: InfoItem, report: PageReport) -> None:
    """Store the finding, record it on the item and tell its agency's admins at once."""
    IntegrityFinding.objects.create(
        scan=record,
        agency_id=item.agency_id,
        item=item,
        url=report.url,
        problems=report.problems,
        notes=report.notes,
    )
    record_transition(item, "integrity_alert", url=report.url, problems=report.problems)
    admins = (
        get_user_model()
        .objects.filter(
            memberships__agency=item.agency,
            memberships__role=Role.AGENCY_ADMIN,
            is_active=True,
        )
        .exclude(email="")
    )
    recipients = sorted({user.email for user in admins})
    if recipients:
        send_mail(
            f"【发布内容告警】{item.index_no} 页面与审查版本不一致",
            "\n".join([report.url, *report.problems]),
            None,
            recipients,
        )
