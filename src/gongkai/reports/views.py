"""Workbench pages of the annual report: the list, the editor, the cell → records trace, exports,
the 主管部门's overview of its subordinate agencies and the roll-up of a government."""

from urllib.parse import quote

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.views.generic import DetailView, ListView, TemplateView

from gongkai.agencies import access
from gongkai.agencies.models import Agency, AgencyKind
from gongkai.lib.errors import Refused
from gongkai.web import params, transitions
from gongkai.web.queues import QueueListMixin
from gongkai.web.scoping import AgencyInUrlMixin, ScopedMixin, StaffMixin

from . import charts, services, sources
from .build import build_rollup, generated_cells, rollup_members
from .content import ReportContent
from .exports import FORMATS, export, sections
from .layout import tables
from .models import AnnualReport, deadline
from .queues import QUEUES
from .workflow import REPORT_WORKFLOW


def _year(request, default: int) -> int:
    return params.integer(
        request.GET.get("year"), minimum=2019, maximum=default + 1, default=default
    )


def last_year() -> int:
    return timezone.localdate().year - 1


class ReportListView(QueueListMixin, StaffMixin, ListView):
    """The reports the user may read, and a form to start this year's draft."""

    action = "report.view"
    model = AnnualReport
    queues = QUEUES
    template_name = "reports/list.html"
    paginate_by = 50

    def get_queryset(self):
        return self.queue_rows(AnnualReport.objects.select_related("agency"))

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            draftable=access.agencies_for(self.request.user, "report.edit"),
            default_year=last_year(),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        agency = get_object_or_404(
            access.agencies_for(request.user, "report.edit"),
            pk=params.object_id(request.POST, "agency") or 0,
        )
        try:
            year = params.integer(request.POST.get("year"), maximum=9999, default=0)
            report = services.create_draft(agency, year, user=request.user)
        except Refused as refused:
            messages.error(request, refused.message)
            return redirect("reports:list")
        except ValueError:
            messages.error(request, "报告年度须是四位数字")
            return redirect("reports:list")
        messages.success(request, f"已创建{report}草稿，表二至表四已根据记录生成")
        return redirect("reports:detail", pk=report.pk)


class ReportDetailView(ScopedMixin, DetailView):
    """The editor: prose of sections 一、五、六, the generated tables, checks and transitions."""

    action = "report.view"
    model = AnnualReport
    template_name = "reports/detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("agency", "entered_by")

    def get_context_data(self, **kwargs):
        report = self.object
        user = self.request.user
        content = services.content_of(report)
        built = services.compute(report) if report.is_editable else None
        moves = set(REPORT_WORKFLOW.available(report, user))
        return super().get_context_data(
            report=report,
            content=content,
            sections=sections(content),
            traced=set(built.trace) if built else set(),
            trace_url=self.request.path + "cell/",
            overrides=[
                (override, content.spec.cell_label(override.cell))
                for override in report.overrides.select_related("created_by")
            ],
            identities=services.failing_identities(report),
            cells=[
                (cell, content.spec.cell_label(cell))
                for cell in generated_cells(report.format_code)
            ],
            can_edit="sections" in moves,
            can_submit="submit" in moves,
            can_supervise="accept" in moves,
            can_publish="publish" in moves,
            hash_ok=services.verify_published(report),
            formats=FORMATS,
            charts=[charts.svg(chart) for chart in charts.year_over_year(content.history)],
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        report = self.get_object()
        name = request.POST.get("op", "")
        attempt = transitions.attempt(REPORT_WORKFLOW, report, name, request)
        if attempt.done:
            messages.success(request, REPORT_WORKFLOW.message(name))
        else:
            messages.error(request, attempt.error)
        return redirect("reports:detail", pk=report.pk)


class CellRecordsView(ScopedMixin, DetailView):
    """The records one cell of tables 2–4 counts (`?cell=t3.granted.natural_person`)."""

    action = "report.view"
    model = AnnualReport
    template_name = "reports/cell.html"

    def get_context_data(self, **kwargs):
        report = self.object
        cell = self.request.GET.get("cell", "")
        built = services.compute(report)
        trace = built.trace.get(cell)
        page = None
        if trace is not None:
            # The records behind the cell are scoped like any other list of their kind.
            action = {"item": "item.view", "case": "case.view", "appeal": "appeal.view"}
            rows = access.scope(
                sources.records(trace.kind, list(trace.ids)), self.request.user, action[trace.kind]
            )
            page = Paginator(rows, 100).get_page(self.request.GET.get("page"))
        return super().get_context_data(
            report=report,
            cell=cell,
            trace=trace,
            page=page,
            count=len(trace.ids) if trace else 0,
            **kwargs,
        )


def download_response(content: ReportContent, kind: str) -> HttpResponse:
    if kind not in FORMATS:
        raise Http404("不支持的导出格式")
    written = export(content, kind)
    response = HttpResponse(written.data, content_type=written.content_type)
    name = quote(f"{content.title}.{written.suffix}")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{name}"
    return response


class ReportDownloadView(ScopedMixin, DetailView):
    """The report as HTML, DOCX, PDF or XLSX (`?as=docx`)."""

    action = "report.view"
    model = AnnualReport

    def get(self, request, *args, **kwargs):
        report = self.get_object()
        return download_response(services.content_of(report), request.GET.get("as", "html"))


class SupervisionView(StaffMixin, TemplateView):
    """The 主管部门's view: every agency it may read, its report for the year and its standing."""

    action = "report.view"
    template_name = "reports/supervision.html"

    def get_context_data(self, **kwargs):
        year = _year(self.request, last_year())
        today = timezone.localdate()
        agencies = access.agencies_for(self.request.user, "report.view").filter(is_active=True)
        reports = {
            r.agency_id: r for r in AnnualReport.objects.filter(year=year, agency__in=agencies)
        }
        rows = []
        for agency in agencies.order_by("path"):
            report = reports.get(agency.pk)
            rows.append(
                {
                    "agency": agency,
                    "report": report,
                    "deadline": deadline(agency.kind, year),
                    "standing": services.due_status(report, agency.kind, year, today),
                    "failing": services.failing_identities(report) if report else [],
                }
            )
        # Art. 49 deadlines matter from the January after the report year.
        show_deadlines = today >= deadline(AgencyKind.DEPARTMENT, year).replace(day=1)
        return super().get_context_data(
            year=year, rows=rows, show_deadlines=show_deadlines, **kwargs
        )


class RollupView(AgencyInUrlMixin, TemplateView):
    """A government's figures together with its departments' (`?year=`)."""

    action = "report.view"
    template_name = "reports/rollup.html"

    def get_context_data(self, **kwargs):
        year = _year(self.request, last_year())
        agency: Agency = self.agency
        members = rollup_members(agency)
        built = build_rollup(agency, year, services.rollup_entered(members, year))
        content = ReportContent(
            agency=f"{agency.name}（含所属部门汇总）",
            year=year,
            format_code=built.format_code,
            overview="",
            problems="",
            other_matters="",
            figures=built.figures,
            proactive_items=built.proactive_items,
        )
        return super().get_context_data(
            year=year,
            content=content,
            tables=[t for group in tables(built.figures, content.spec).values() for t in group],
            members=members,
            inconsistencies=built.inconsistencies,
            **kwargs,
        )
