"""Portal pages of the published annual reports: the index, an agency's reports, one report."""

from django.shortcuts import get_object_or_404, render

from gongkai.agencies.models import Agency

from . import charts, services
from .content import ReportContent
from .exports import FORMATS, sections
from .models import AnnualReport
from .views import download_response


def _published():
    return AnnualReport.objects.published().select_related("agency").filter(agency__is_active=True)


def report_index(request):
    reports = _published().order_by("agency__path", "-year")
    agencies: dict[Agency, list[AnnualReport]] = {}
    for report in reports:
        agencies.setdefault(report.agency, []).append(report)
    return render(request, "reports/public_index.html", {"agencies": agencies})


def agency_reports(request, pk: int):
    agency = get_object_or_404(Agency.objects.active(), pk=pk)
    reports = list(_published().filter(agency=agency).order_by("-year"))
    history = [
        services.year_figures(r.year, r.figures, r.proactive_items)
        for r in sorted(reports, key=lambda r: r.year)
    ]
    return render(
        request,
        "reports/public_agency.html",
        {
            "agency": agency,
            "reports": reports,
            "charts": [charts.svg(c) for c in charts.year_over_year(history[-5:])],
        },
    )


def report_page(request, pk: int):
    report = get_object_or_404(_published(), pk=pk)
    content = ReportContent.from_json(report.published_content)
    return render(
        request,
        "reports/public_report.html",
        {
            "report": report,
            "content": content,
            "sections": sections(content),
            "charts": [charts.svg(c) for c in charts.year_over_year(content.history)],
            "formats": FORMATS,
        },
    )


def report_download(request, pk: int):
    report = get_object_or_404(_published(), pk=pk)
    return download_response(
        ReportContent.from_json(report.published_content), request.GET.get("as", "pdf")
    )
