"""The workbench pages of assessment rounds: the list and the opening form, a round with its
results, deductions and 整改, the remedy list (its tabs feed the inbox) and a remedy's page,
the 通报 with its DOCX and PDF; the evidence files served to those who may see them."""

from urllib.parse import quote

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import DetailView, FormView, ListView, TemplateView

from gongkai.agencies import access
from gongkai.catalog.serving import file_response
from gongkai.lib.errors import Refused
from gongkai.web import transitions
from gongkai.web.queues import QueueListMixin
from gongkai.web.scoping import ScopedMixin, StaffMixin
from gongkai.web.transitions import show_refusal

from . import circulars, dashboard, rounds
from .forms import OpenRoundForm
from .models import AssessmentRound, Circular, Deduction, Remedy
from .queues import QUEUES
from .workflow import CIRCULAR_WORKFLOW, REMEDY_WORKFLOW, ROUND_WORKFLOW


class TransitionPageMixin:
    """A record's page offering its transitions as forms and carrying out the posted one."""

    workflow = None
    url_name = ""

    def moves(self, record):
        failed_name, failed_form = getattr(self, "failed", ("", None))
        return [
            (
                name,
                self.workflow.label(name),
                failed_form
                if name == failed_name
                else self.workflow.form(name, record, prefix=name),
            )
            for name in self.workflow.available(record, self.request.user)
        ]

    def get_context_data(self, **kwargs):
        failed_form = getattr(self, "failed", ("", None))[1]
        return super().get_context_data(
            moves=self.moves(self.object), failed_form=failed_form, **kwargs
        )

    def post(self, request, *args, **kwargs):
        self.object = record = self.get_object()
        name = request.POST.get("transition", "")
        attempt = transitions.attempt(self.workflow, record, name, request, prefix=name)
        if attempt.done:
            messages.success(request, self.workflow.message(name, attempt.result))
            return redirect(self.done_url(name, attempt.result, record))
        if attempt.form is None:
            messages.error(request, attempt.error)
            return redirect(self.url_name, pk=record.pk)
        self.failed = (name, attempt.form)
        return self.render_to_response(self.get_context_data(), status=400)

    def done_url(self, name, result, record) -> str:
        return reverse(self.url_name, args=[record.pk])


def _owner_for(user):
    """The agency a new round is organised by: the highest where the user manages oversight."""
    agencies = sorted(access.agencies_for(user, "oversight.manage"), key=lambda a: len(a.path))
    return agencies[0] if agencies else None


class RoundListView(ScopedMixin, ListView):
    action = "oversight.view"
    model = AssessmentRound
    template_name = "oversight/round_list.html"

    def get_queryset(self):
        return super().get_queryset().select_related("owner", "system")

    def get_context_data(self, **kwargs):
        return super().get_context_data(may_open=_owner_for(self.request.user), **kwargs)


class RoundOpenView(StaffMixin, FormView):
    action = "oversight.manage"
    template_name = "oversight/round_open.html"
    form_class = OpenRoundForm

    def dispatch(self, request, *args, **kwargs):
        self.owner = _owner_for(request.user) if request.user.is_authenticated else None
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"owner": self.owner}

    def get_context_data(self, **kwargs):
        return super().get_context_data(owner=self.owner, **kwargs)

    def form_valid(self, form):
        try:
            round_ = rounds.open_round(
                owner=self.owner, user=self.request.user, **form.cleaned_data
            )
        except Refused as refused:
            show_refusal(form, refused)
            return self.form_invalid(form)
        messages.success(self.request, "已发起考核，自动检测结果已填入")
        return redirect("oversight:round", pk=round_.pk)


class RoundDetailView(TransitionPageMixin, ScopedMixin, DetailView):
    action = "oversight.view"
    model = AssessmentRound
    template_name = "oversight/round_detail.html"
    workflow = ROUND_WORKFLOW
    url_name = "oversight:round"

    def get_queryset(self):
        return super().get_queryset().select_related("owner", "system", "probe_run")

    def get_context_data(self, **kwargs):
        round_ = self.object
        return super().get_context_data(
            results=rounds.results(round_),
            system=round_.system.system(),
            circular=getattr(round_, "circular", None),
            **kwargs,
        )

    def done_url(self, name, result, record) -> str:
        if name == "draft_circular":
            return reverse("oversight:circular", args=[result.pk])
        return super().done_url(name, result, record)


class RemedyListView(QueueListMixin, StaffMixin, ListView):
    action = "oversight.view"
    template_name = "oversight/remedy_list.html"
    queues = QUEUES

    def get_queryset(self):
        return self.queue_rows(
            Remedy.objects.select_related("agency", "deduction__round").order_by("due_on", "pk")
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(today=timezone.localdate(), **kwargs)


class RemedyDetailView(TransitionPageMixin, ScopedMixin, DetailView):
    action = "oversight.view"
    model = Remedy
    template_name = "oversight/remedy_detail.html"
    workflow = REMEDY_WORKFLOW
    url_name = "oversight:remedy"

    def get_queryset(self):
        return super().get_queryset().select_related("agency", "deduction__round__system")

    def get_context_data(self, **kwargs):
        deduction = self.object.deduction
        leaf = deduction.round.system.system().find(deduction.indicator)
        return super().get_context_data(deduction=deduction, leaf=leaf, **kwargs)


class CircularDetailView(TransitionPageMixin, ScopedMixin, DetailView):
    action = "oversight.view"
    model = Circular
    template_name = "oversight/circular_detail.html"
    workflow = CIRCULAR_WORKFLOW
    url_name = "oversight:circular"

    def get_queryset(self):
        return super().get_queryset().select_related("round__owner", "item")


class CircularFileView(ScopedMixin, DetailView):
    """The 通报 as DOCX or PDF (`kind`), generated from its current text."""

    action = "oversight.view"
    model = Circular
    kind = "pdf"

    def get(self, request, *args, **kwargs):
        circular = self.get_object()
        if self.kind == "pdf":
            try:
                data = circulars.pdf(circular)
            except Refused as refused:
                messages.error(request, refused.message)
                return redirect("oversight:circular", pk=circular.pk)
            content_type, disposition = "application/pdf", "inline"
        else:
            data = circulars.docx(circular)
            content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            disposition = "attachment"
        response = HttpResponse(data, content_type=content_type)
        name = quote(f"{circular.title}.{self.kind}")
        response["Content-Disposition"] = f"{disposition}; filename*=UTF-8''{name}"
        response["X-Content-Type-Options"] = "nosniff"
        return response


class EvidenceFileView(ScopedMixin, DetailView):
    """A deduction's screenshot or a remedy's file (`field`), to those who may see it."""

    action = "oversight.view"
    field = ""

    def get(self, request, *args, **kwargs):
        stored = getattr(self.get_object(), self.field)
        if not stored:
            raise Http404
        # Stored under the type it was sniffed as on upload (`attachments.storage_name`).
        kind = stored.name.rsplit(".", 1)[-1]
        return file_response(
            stored.open("rb"), kind=kind, filename=stored.name.rsplit("/", 1)[-1], inline=True
        )


class ScreenshotView(EvidenceFileView):
    model, field = Deduction, "screenshot"


class RemedyFileView(EvidenceFileView):
    model, field = Remedy, "answer_file"


class DashboardView(StaffMixin, TemplateView):
    """The 主管部门's overview: scores across rounds, open and overdue remedies, the latest
    probe results, each leading to its evidence."""

    action = "oversight.manage"
    template_name = "oversight/dashboard.html"

    def get_context_data(self, **kwargs):
        user, today = self.request.user, timezone.localdate()
        shown, trends = dashboard.trends(user)
        run, probe_rows = dashboard.latest_probes(user)
        return super().get_context_data(
            rounds=shown,
            trends=trends,
            remedies=dashboard.open_remedies(user, today),
            run=run,
            probe_rows=probe_rows,
            **kwargs,
        )
