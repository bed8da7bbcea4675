"""The demo county has past reports on the portal and a published report built from its cases."""

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from gongkai.reports import services
from gongkai.reports.models import AnnualReport, ReportOrigin, ReportStatus


def test_the_demo_portal_has_report_pages_with_year_over_year_charts(db, client):
    call_command("demo", "load", "--if-empty")
    year = timezone.localdate().year - 1
    built = AnnualReport.objects.get(agency__name="某某县民政局", year=year)
    assert (built.status, built.origin) == (ReportStatus.PUBLISHED, ReportOrigin.BUILT)
    assert services.verify_published(built)
    assert [h["year"] for h in built.published_content["history"]] == [year - 2, year - 1, year]
    imported = AnnualReport.objects.filter(origin=ReportOrigin.IMPORTED)
    assert imported.count() == 4 and not any(r.inconsistencies for r in imported)
    body = client.get(reverse("annual_reports:detail", args=[built.pk])).content.decode()
    assert body.count("<svg") == 3
    index = client.get(reverse("annual_reports:list")).content.decode()
    assert "某某县人民政府" in index and "某某县民政局" in index
