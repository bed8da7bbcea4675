"""The notices as public files: each prints only what the portal already shows."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone

from gongkai.agencies.models import Agency
from gongkai.catalog.models import InfoItem
from gongkai.reports.models import AnnualReport

from . import contents
from .sheet import SHEETS, Notice, write_pdf


def _pdf(request, notice: Notice, name: str) -> HttpResponse:
    sheet = request.GET.get("size", "a4").lower()
    sheet = sheet if sheet in SHEETS else "a4"  # an unknown size prints the usual A4
    data = write_pdf(notice, sheet, posted_on=timezone.localdate())
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="notice-{name}-{sheet}.pdf"'
    return response


def item(request, pk: int):
    found = get_object_or_404(
        InfoItem.objects.public().select_related("agency", "published_version"), pk=pk
    )
    return _pdf(request, contents.item_notice(found), f"item-{pk}")


def guide(request, pk: int):
    agency = get_object_or_404(Agency.objects.active().prefetch_related("reading_rooms"), pk=pk)
    return _pdf(request, contents.guide_notice(agency), f"guide-{pk}")


def catalog(request, pk: int):
    agency = get_object_or_404(Agency.objects.active(), pk=pk)
    return _pdf(request, contents.catalog_notice(agency), f"catalog-{pk}")


def report(request, pk: int):
    found = get_object_or_404(
        AnnualReport.objects.published().select_related("agency").filter(agency__is_active=True),
        pk=pk,
    )
    return _pdf(request, contents.report_notice(found), f"report-{pk}")
