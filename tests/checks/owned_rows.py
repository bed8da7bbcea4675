"""Integrity findings owned by a given agency, for the cross-agency isolation test."""

from django.utils import timezone

from gongkai.checks.models import IntegrityFinding, IntegrityScan
from tests.catalog.makers import Team, make_item


def integrity_finding(agency, marker: str) -> IntegrityFinding:
    team = Team(agency)
    item = team.publish(make_item(agency, team.clerk, title=marker))
    scan = IntegrityScan.objects.create(
        started_at=timezone.now(), base_url="http://portal", pages_by_agency={str(agency.pk): 1}
    )
    return IntegrityFinding.objects.create(
        scan=scan, agency=agency, item=item, url="http://portal/x", problems=[f"页面含有{marker}"]
    )
