"""Workbench pages of 依申请公开: queues, the case page with its clock, and one form per move."""

from datetime import date

from django.contrib import messages
from django.db import transaction
from django.db.models import Count, Q
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.views.generic import DetailView, FormView, ListView, TemplateView

from gongkai.agencies import access
from gongkai.calendar.workdays import CalendarUnknown, add_workdays, next_year_awaited
from gongkai.lib.errors import Refused
from gongkai.web import transitions
from gongkai.web.queues import QueueListMixin
from gongkai.web.scoping import AgencyInUrlMixin, ScopedMixin, StaffMixin
from gongkai.web.transitions import show_refusal

from . import forms, letters, services
from .ledger import PAUSED_STATUSES, clock_on
from .models import Application, Channel, Letter, LetterKind, LetterTemplate, Scan, ScanKind
from .queues import DUE_SOON_DEFAULT, QUEUES, due_days
from .workflow import CASE_WORKFLOW


def calendar_warning(today: date) -> str:
    """From 1 November, a warning while next year's holiday schedule is not imported."""
    year = next_year_awaited(today)
    if year is None:
        return ""
    return (
        f"{year}年节假日安排尚未导入：跨年的答复期限暂按法定节假日推算，标为“暂定”。"
        "国务院办公厅通知发布后，请尽快在“节假日安排”页面导入，所有暂定期限将自动重新计算。"
    )


class CaseListView(QueueListMixin, StaffMixin, ListView):
    model = Application
    action = "case.view"
    queues = QUEUES
    template_name = "applications/case_list.html"
    paginate_by = 50

    def get_queryset(self):
        qs = self.queue_rows(Application.objects.select_related("agency", "handler"))
        text = self.request.GET.get("q", "").strip()
        if text:
            qs = qs.matching(text)
        order = (
            ["-decided_on", "-id"]
            if self.queue_key == "done"
            else ["due_date", "received_on", "id"]
        )
        return qs.order_by(*order)

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            calendar_warning=calendar_warning(services.today()),
            days=due_days(self.request.GET),
            today=services.today(),
            register_agencies=access.agencies_for(user, "case.handle").order_by("path"),
            template_agencies=access.agencies_for(user, "letter_template.change").order_by("path"),
            **kwargs,
        )


class CaseOverviewView(StaffMixin, TemplateView):
    """Counts per agency the user may read: a supervisor's view of its subordinates."""

    action = "case.view"
    template_name = "applications/case_overview.html"

    def get_context_data(self, **kwargs):
        today = services.today()
        try:
            soon = add_workdays(today, DUE_SOON_DEFAULT)
        except CalendarUnknown:
            soon = today
        agencies = list(access.agencies_for(self.request.user, "case.view").order_by("path"))
        # One grouped pass over the open cases (an index range), not a join per agency.
        counts = {
            row["agency_id"]: row
            for row in Application.objects.open()
            .filter(agency__in=[a.pk for a in agencies])
            .values("agency_id")
            .annotate(
                open_count=Count("id"),
                overdue_count=Count("id", filter=Q(due_date__lt=today)),
                soon_count=Count("id", filter=Q(due_date__gte=today, due_date__lte=soon)),
                paused_count=Count("id", filter=Q(status__in=PAUSED_STATUSES)),
                unknown_count=Count("id", filter=Q(due_unknown_year__isnull=False)),
                provisional_count=Count("id", filter=Q(due_provisional_year__isnull=False)),
            )
            .order_by()
        }
        empty = dict.fromkeys(
            (
                "open_count",
                "overdue_count",
                "soon_count",
                "paused_count",
                "provisional_count",
                "unknown_count",
            ),
            0,
        )
        for agency in agencies:
            for name, value in empty.items():
                setattr(agency, name, counts.get(agency.pk, {}).get(name, value))
        return super().get_context_data(agencies=agencies, days=DUE_SOON_DEFAULT, **kwargs)


class CaseRegisterView(AgencyInUrlMixin, FormView):
    """Staff register an application that came on paper, by post, fax or by word of mouth."""

    action = "case.handle"
    form_class = forms.StaffIntakeForm
    template_name = "applications/register.html"

    def form_valid(self, form):
        uploads = form.uploads()
        try:
            # A refused scan leaves no case behind: the form comes back with what was typed.
            with transaction.atomic():
                case = services.register(self.agency, form.intake(), user=self.request.user)
                if uploads:
                    services.attach_scans(case, uploads, user=self.request.user)
        except Refused as error:
            show_refusal(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"已登记申请 {case.number}。")
        return redirect("cases:detail", pk=case.pk)


class CaseDetailView(ScopedMixin, DetailView):
    model = Application
    action = "case.view"
    template_name = "applications/case_detail.html"
    context_object_name = "case"

    def get_queryset(self):
        return super().get_queryset().select_related("agency", "handler", "unit")

    def get_context_data(self, **kwargs):
        case, user = self.object, self.request.user
        state = services.state_of(case)
        today = services.today()
        try:
            status = clock_on(state, today)
            unknown_year = None
        except CalendarUnknown as unknown:
            status, unknown_year = None, unknown.year
        moves = [
            (_move(name), CASE_WORKFLOW.form(name, case, prefix=name))
            for name in CASE_WORKFLOW.available(case, user, state)
        ]
        return super().get_context_data(
            state=state,
            clock=status,
            unknown_year=unknown_year,
            events=case.events.select_related("actor"),
            letters=case.letters.all(),
            reply_files=case.reply_files.select_related("item"),
            scans=case.scans.all() if access.sees_applicant_identity(user, case.agency) else None,
            scan_form=(
                forms.ScanForm()
                if case.channel != Channel.ONLINE and access.can(user, "case.handle", case.agency)
                else None
            ),
            moves=moves,
            show_id_number=access.sees_applicant_identity(user, case.agency),
            appeals=case.appeals.all(),
            similar=services.similar_cases(case),
            **kwargs,
        )


class CaseMoveView(ScopedMixin, DetailView):
    """One move on a case: GET shows its form alone, POST performs it through the service."""

    model = Application
    action = "case.handle"
    move = ""
    template_name = "applications/move.html"
    context_object_name = "case"

    def get_context_data(self, **kwargs):
        form = kwargs.pop("form", None) or CASE_WORKFLOW.form(
            self.move, self.object, prefix=self.move
        )
        return super().get_context_data(move=_move(self.move), form=form, **kwargs)

    def post(self, request, *args, **kwargs):
        self.object = case = self.get_object()
        attempt = transitions.attempt(CASE_WORKFLOW, case, self.move, request, prefix=self.move)
        if attempt.done:
            messages.success(request, CASE_WORKFLOW.message(self.move))
            return redirect("cases:detail", pk=case.pk)
        return self.render_to_response(self.get_context_data(form=attempt.form), status=400)


def _move(name: str) -> dict:
    """A move as the templates name it: its slug (for the URL and the form's id) and label."""
    return {"slug": name, "label": CASE_WORKFLOW.label(name)}


class ScanUploadView(ScopedMixin, DetailView):
    """Add scans to a case that came on paper, by fax or by word of mouth."""

    model = Application
    action = "case.handle"
    template_name = "applications/scan_upload.html"
    context_object_name = "case"

    def get_context_data(self, **kwargs):
        form = kwargs.pop("form", None) or forms.ScanForm()
        return super().get_context_data(form=form, **kwargs)

    def post(self, request, *args, **kwargs):
        self.object = case = self.get_object()
        form = forms.ScanForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                scans = services.attach_scans(case, form.uploads(), user=request.user)
            except Refused as error:
                form.add_error("scans", error.message)
            else:
                messages.success(request, f"已上传 {len(scans)} 个扫描件。")
                return redirect("cases:detail", pk=case.pk)
        return self.render_to_response(self.get_context_data(form=form), status=400)


SCAN_CONTENT_TYPES = {
    ScanKind.PDF: "application/pdf",
    ScanKind.JPEG: "image/jpeg",
    ScanKind.PNG: "image/png",
}


class ScanFileView(ScopedMixin, DetailView):
    """A scan, for the staff of the case's own agency only (it carries personal data)."""

    model = Scan
    action = "case.view"

    def get(self, request, *args, **kwargs):
        scan = self.get_object()
        if not access.sees_applicant_identity(request.user, scan.case.agency):
            raise Http404
        return FileResponse(
            scan.file.open("rb"),
            as_attachment=True,
            filename=scan.name,
            content_type=SCAN_CONTENT_TYPES[scan.kind],
        )


class LetterTemplateView(AgencyInUrlMixin, FormView):
    """An agency's own wording of its letters; an empty body goes back to the built-in one."""

    action = "letter_template.change"
    form_class = forms.LetterTemplateForm
    template_name = "applications/letter_templates.html"

    def get_initial(self):
        kind = self.request.GET.get("kind", LetterKind.RECEIPT)
        kind = kind if kind in LetterKind.values else LetterKind.RECEIPT
        own = LetterTemplate.objects.filter(agency=self.agency, kind=kind).first()
        return {"kind": kind, "body": own.body if own else letters.default_body(kind)}

    def get_context_data(self, **kwargs):
        own = set(LetterTemplate.objects.filter(agency=self.agency).values_list("kind", flat=True))
        return super().get_context_data(
            kinds=[(k, label, k in own) for k, label in LetterKind.choices], **kwargs
        )

    def form_valid(self, form):
        kind, body = form.cleaned_data["kind"], form.cleaned_data["body"].strip()
        try:
            letters.save_template(self.agency, kind, body)
        except Refused as error:
            form.add_error("body", error.message)
            return self.form_invalid(form)
        messages.success(self.request, f"已保存{LetterKind(kind).label}模板。")
        return redirect(f"{self.request.path}?kind={kind}")


class LetterFileView(ScopedMixin, DetailView):
    model = Letter
    action = "case.view"
    file_format = "pdf"

    def get(self, request, *args, **kwargs):
        letter = self.get_object()
        stored = letter.pdf if self.file_format == "pdf" else letter.docx
        if not stored:
            raise Http404
        return FileResponse(
            stored.open("rb"),
            as_attachment=self.file_format == "docx",
            filename=f"{letter.get_kind_display()}{letter.number}.{self.file_format}",
        )
