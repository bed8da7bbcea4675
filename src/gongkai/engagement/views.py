"""Workbench pages of 政民互动: the message list with its tabs, a message with its moves and its
attachment, and registering a letter or a visit."""

from datetime import date

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import DetailView, FormView, ListView, TemplateView, UpdateView

from gongkai.agencies import access
from gongkai.agencies.models import InternalUnit
from gongkai.catalog.serving import file_response
from gongkai.core.audit import record_transition
from gongkai.lib.charts import svg
from gongkai.lib.errors import Refused
from gongkai.web import transitions
from gongkai.web.params import integer
from gongkai.web.queues import QueueListMixin
from gongkai.web.scoping import ScopedMixin, StaffMixin
from gongkai.web.transitions import show_refusal

from . import oversight, services, statistics_charts
from .channels import follow_limits
from .forms import ChannelForm, StaffMessageForm
from .models import Channel, ChannelKind, Consultation, Message
from .queues import QUEUES
from .workflow import MESSAGE_WORKFLOW


class MessageListView(QueueListMixin, StaffMixin, ListView):
    action = "message.view"
    model = Message
    queues = QUEUES
    template_name = "engagement/message_list.html"
    paginate_by = 50

    def get_queryset(self):
        return self.queue_rows(
            Message.objects.select_related("agency", "channel", "unit", "handler")
        )

    def get_context_data(self, **kwargs):
        units = InternalUnit.objects.filter(
            agency__in=access.agencies_for(self.request.user, "message.view")
        ).select_related("agency")
        chosen = integer(self.request.GET.get("unit"), minimum=1)
        return super().get_context_data(units=units, unit_id=chosen, **kwargs)


class MessageDetailView(ScopedMixin, DetailView):
    """A message, what the writer said and the moves open to the user now."""

    action = "message.view"
    model = Message
    template_name = "engagement/message_detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("agency", "channel", "registered_by")

    def get_context_data(self, **kwargs):
        message = self.object
        user = self.request.user
        failed_name, failed_form = getattr(self, "failed", ("", None))
        moves = [
            (
                name,
                MESSAGE_WORKFLOW.label(name),
                failed_form
                if name == failed_name
                else MESSAGE_WORKFLOW.form(name, message, prefix=name),
            )
            for name in MESSAGE_WORKFLOW.available(message, user)
        ]
        return super().get_context_data(moves=moves, failed_form=failed_form, **kwargs)

    def post(self, request, *args, **kwargs):
        self.object = message = self.get_object()
        name = request.POST.get("transition", "")
        attempt = transitions.attempt(MESSAGE_WORKFLOW, message, name, request, prefix=name)
        if attempt.done:
            messages.success(request, MESSAGE_WORKFLOW.message(name, attempt.result))
            return redirect("engagement:detail", pk=message.pk)
        if attempt.form is None:
            messages.error(request, attempt.error)
            return redirect("engagement:detail", pk=message.pk)
        self.failed = (name, attempt.form)
        return self.render_to_response(self.get_context_data(), status=400)


class MessageAttachmentView(ScopedMixin, DetailView):
    """The writer's attachment, for the staff who may read the message; served as the type it
    was sniffed as, so it cannot run in the browser; each download is audited."""

    action = "message.view"
    model = Message

    def get(self, request, *args, **kwargs):
        message = self.get_object()
        if not message.attachment:
            raise Http404("该留言没有附件")
        record_transition(message, "download_attachment", name=message.attachment_name)
        return file_response(
            message.attachment.open("rb"),
            kind=message.attachment_kind,
            filename=message.attachment_name or "附件",
        )


class RegisterView(StaffMixin, FormView):
    """A letter or a visit, taken down by staff; the same intake as the public form."""

    action = "message.handle"
    form_class = StaffMessageForm
    template_name = "engagement/register.html"

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"user": self.request.user}

    def get_initial(self):
        return {"received_on": timezone.localdate()}

    def form_valid(self, form):
        try:
            message = services.receive(
                form.cleaned_data["channel"],
                form.submission(),
                source=form.cleaned_data["source"],
                received_on=form.cleaned_data["received_on"],
                user=self.request.user,
            )
        except Refused as error:
            show_refusal(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"已登记，查询码 {message.lookup_code_display}")
        return redirect("engagement:detail", pk=message.pk)


class ChannelListView(ScopedMixin, ListView):
    """Each agency's channels and their limits in working days."""

    action = "channel.view"
    model = Channel
    template_name = "engagement/channel_list.html"

    def get_queryset(self):
        return (
            super().get_queryset().select_related("agency", "unit").order_by("agency__path", "id")
        )


class ChannelUpdateView(ScopedMixin, UpdateView):
    action = "channel.change"
    model = Channel
    form_class = ChannelForm
    template_name = "workbench/form.html"

    def form_valid(self, form):
        response = super().form_valid(form)
        moved = follow_limits(self.object)
        messages.success(self.request, f"已保存；{moved}件在办留言的答复期限随之调整。")
        return response

    def get_success_url(self):
        return reverse("engagement:channels")


class StatisticsView(StaffMixin, TemplateView):
    """The counters of a year per agency and channel, with charts: received, answered and on
    time per month; for a 主管部门, each subordinate agency side by side. `?agency=` narrows to
    one agency, `?year=` picks the year."""

    action = "message.view"
    template_name = "engagement/statistics.html"

    def get_context_data(self, **kwargs):
        user, today = self.request.user, timezone.localdate()
        year = integer(
            self.request.GET.get("year"), minimum=2019, maximum=today.year + 1, default=today.year
        )
        agencies = access.agencies_for(user, "message.view").order_by("path")
        chosen = agencies.filter(pk=integer(self.request.GET.get("agency"), minimum=1)).first()
        messages = access.scope(Message.objects.all(), user, "message.view")
        consultations = access.scope(Consultation.objects.all(), user, "consultation.view")
        if chosen is not None:
            messages = messages.filter(agency=chosen)
            consultations = consultations.filter(agency=chosen)
        start, end = date(year, 1, 1), date(year, 12, 31)
        counters = oversight.statistics(messages, start, end)
        totals = oversight.by_agency(counters)
        whose = chosen.name if chosen else "全部可查看的机关"
        charts = [
            statistics_charts.per_month(
                f"{year}年{whose}每月留言收到、答复和按时答复（件）",
                "per-month",
                oversight.monthly(messages, year),
            )
        ]
        if len(totals) > 1:
            charts.append(
                statistics_charts.per_agency(
                    f"{year}年各机关留言收到、答复和按时答复（件）", "per-agency", totals
                )
            )
        return super().get_context_data(
            year=year,
            years=range(today.year + 1, 2018, -1),
            agencies=agencies,
            chosen=chosen,
            rows=[
                (agency, ChannelKind(kind).label, row) for (agency, kind), row in counters.items()
            ],
            totals=totals,
            consultation_rows=oversight.consultation_statistics(consultations, start, end),
            charts=[svg(chart) for chart in charts],
            **kwargs,
        )
