"""Workbench pages of the 12345 hotline: the work-order list with its tabs, a work order with
its moves, importing the platform's file, the imported files with their export back, and the
categories' limits."""

from urllib.parse import quote

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.generic import DetailView, FormView, ListView, TemplateView, UpdateView

from gongkai.agencies import access
from gongkai.applications import identity
from gongkai.lib.errors import Refused
from gongkai.web import transitions
from gongkai.web.queues import QueueListMixin
from gongkai.web.scoping import ScopedMixin, StaffMixin

from . import caller, exporter, statistics
from .calls import CALL_COLUMNS, CALL_LABELS, CallImporter
from .categories import follow_limits
from .forms import CallImportForm, CategoryForm, ImportForm
from .importer import Importer, parse_mapping
from .models import Call, ImportBatch, OrderCategory, WorkOrder
from .platform_files import FileRefused
from .queues import CALL_QUEUES, QUEUES
from .workflow import CALL_WORKFLOW, ORDER_WORKFLOW


class WorkOrderListView(QueueListMixin, StaffMixin, ListView):
    action = "workorder.view"
    model = WorkOrder
    queues = QUEUES
    template_name = "hotline/order_list.html"
    paginate_by = 50

    def get_queryset(self):
        return self.queue_rows(WorkOrder.objects.select_related("agency", "category"))


class WorkOrderDetailView(ScopedMixin, DetailView):
    """A work order, its caller as the user may read them, and the moves open to the user."""

    action = "workorder.view"
    model = WorkOrder
    template_name = "hotline/order_detail.html"
    context_object_name = "order"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related(
                "agency", "category", "unit", "handler", "repeat_of", "merged_into", "batch"
            )
        )

    def get_context_data(self, **kwargs):
        order = self.object
        user = self.request.user
        failed_name, failed_form = getattr(self, "failed", ("", None))
        moves = [
            (
                name,
                ORDER_WORKFLOW.label(name),
                failed_form
                if name == failed_name
                else ORDER_WORKFLOW.form(name, order, prefix=name),
            )
            for name in ORDER_WORKFLOW.available(order, user)
        ]
        return super().get_context_data(
            moves=moves,
            failed_form=failed_form,
            caller=caller.for_user(user, order),
            sees_caller=caller.sees_caller(user, order),
            merged=order.merged_orders.all(),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        self.object = order = self.get_object()
        name = request.POST.get("transition", "")
        attempt = transitions.attempt(ORDER_WORKFLOW, order, name, request, prefix=name)
        if attempt.done:
            messages.success(request, ORDER_WORKFLOW.message(name, attempt.result))
            return redirect("hotline:detail", pk=order.pk)
        if attempt.form is None:
            messages.error(request, attempt.error)
            return redirect("hotline:detail", pk=order.pk)
        self.failed = (name, attempt.form)
        return self.render_to_response(self.get_context_data(), status=400)


class ImportView(StaffMixin, FormView):
    """The platform's export file, for one agency; the report lists each refused line."""

    action = "workorder.handle"
    form_class = ImportForm
    template_name = "hotline/import.html"

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"user": self.request.user}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            mapping = parse_mapping(data["mapping"].splitlines())
        except ValueError as error:
            form.add_error("mapping", str(error))
            return self.form_invalid(form)
        upload = data["file"]
        try:
            importer = Importer(user=self.request.user, agency=data["agency"], mapping=mapping)
            report = importer.run(upload.read(), upload.name)
        except PermissionDenied as denied:
            form.add_error("agency", str(denied))
            return self.form_invalid(form)
        except (FileRefused, Refused) as error:
            form.add_error("file", str(error))
            return self.form_invalid(form)
        return render(
            self.request,
            self.template_name,
            self.get_context_data(
                form=self.get_form_class()(user=self.request.user), report=report
            ),
        )


class BatchListView(ScopedMixin, ListView):
    """The files imported from the platform, each with its export back."""

    action = "workorder.view"
    model = ImportBatch
    template_name = "hotline/batch_list.html"
    paginate_by = 50

    def get_queryset(self):
        return super().get_queryset().select_related("agency", "imported_by")


class BatchExportView(ScopedMixin, DetailView):
    """The results of one imported file, in the format the platform sent it."""

    action = "workorder.view"
    model = ImportBatch

    def get(self, request, *args, **kwargs):
        batch = self.get_object()
        export = exporter.export_batch(batch)
        response = HttpResponse(export.data, content_type=export.content_type)
        response["Content-Disposition"] = (
            f'attachment; filename="export.{export.file_name.rsplit(".", 1)[-1]}"; '
            f"filename*=UTF-8''{quote(export.file_name)}"
        )
        return response


class CategoryListView(ScopedMixin, ListView):
    """Each agency's work-order categories and their limits in working days."""

    action = "order_category.view"
    model = OrderCategory
    template_name = "hotline/category_list.html"

    def get_queryset(self):
        return super().get_queryset().select_related("agency").order_by("agency__path", "id")


class CategoryUpdateView(ScopedMixin, UpdateView):
    action = "order_category.change"
    model = OrderCategory
    form_class = CategoryForm
    template_name = "workbench/form.html"

    def form_valid(self, form):
        response = super().form_valid(form)
        moved = follow_limits(self.object)
        messages.success(self.request, f"已保存；{moved}件在办工单的办理期限随之调整。")
        return response

    def get_success_url(self):
        return reverse("hotline:categories")


class CallListView(QueueListMixin, StaffMixin, ListView):
    action = "call.view"
    model = Call
    queues = CALL_QUEUES
    template_name = "hotline/call_list.html"
    paginate_by = 50

    def get_queryset(self):
        return self.queue_rows(Call.objects.select_related("agency", "unit"))


class CallDetailView(ScopedMixin, DetailView):
    """A call, its caller's number as the user may read it, and the call back of a missed one."""

    action = "call.view"
    model = Call
    template_name = "hotline/call_detail.html"
    context_object_name = "call"

    def get_queryset(self):
        return super().get_queryset().select_related("agency", "unit", "callback_by")

    def get_context_data(self, **kwargs):
        call = self.object
        user = self.request.user
        failed_name, failed_form = getattr(self, "failed", ("", None))
        moves = [
            (
                name,
                CALL_WORKFLOW.label(name),
                failed_form if name == failed_name else CALL_WORKFLOW.form(name, call, prefix=name),
            )
            for name in CALL_WORKFLOW.available(call, user)
        ]
        full = access.sees_applicant_identity(user, call.agency)
        return super().get_context_data(
            moves=moves,
            failed_form=failed_form,
            phone=identity.decrypt(call.caller_phone_encrypted) if full else None,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        self.object = call = self.get_object()
        name = request.POST.get("transition", "")
        attempt = transitions.attempt(CALL_WORKFLOW, call, name, request, prefix=name)
        if attempt.done:
            messages.success(request, CALL_WORKFLOW.message(name, attempt.result))
            return redirect("hotline:call", pk=call.pk)
        if attempt.form is None:
            messages.error(request, attempt.error)
            return redirect("hotline:call", pk=call.pk)
        self.failed = (name, attempt.form)
        return self.render_to_response(self.get_context_data(), status=400)


class CallImportView(ImportView):
    """The telephone system's export of call records, for one agency."""

    action = "call.handle"
    form_class = CallImportForm
    template_name = "hotline/call_import.html"

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            mapping = parse_mapping(data["mapping"].splitlines(), set(CALL_COLUMNS), CALL_LABELS)
        except ValueError as error:
            form.add_error("mapping", str(error))
            return self.form_invalid(form)
        upload = data["file"]
        try:
            importer = CallImporter(user=self.request.user, agency=data["agency"], mapping=mapping)
            report = importer.run(upload.read(), upload.name)
        except PermissionDenied as denied:
            form.add_error("agency", str(denied))
            return self.form_invalid(form)
        except (FileRefused, Refused) as error:
            form.add_error("file", str(error))
            return self.form_invalid(form)
        return render(
            self.request,
            self.template_name,
            self.get_context_data(form=CallImportForm(user=self.request.user), report=report),
        )


class StatisticsView(StaffMixin, TemplateView):
    """Calls and work orders per agency and unit for a year or a month, with the roll-up over
    every agency the user reads (a 主管部门: its whole subtree)."""

    action = "workorder.view"
    template_name = "hotline/statistics.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        start, end, year, month = statistics.period_of(self.request.GET, timezone.localdate())
        calls = statistics.call_statistics(
            access.scope(Call.objects.all(), user, "call.view"), start, end
        )
        orders = statistics.order_statistics(
            access.scope(WorkOrder.objects.all(), user, "workorder.view"), start, end
        )
        return super().get_context_data(
            year=year,
            month=month,
            months=range(1, 13),
            start=start,
            end=end,
            calls=[(key, row.as_dict()) for key, row in calls.items()],
            calls_total=statistics.total(calls, statistics.CallCounters()).as_dict(),
            orders=[(key, row.as_dict()) for key, row in orders.items()],
            orders_total=statistics.total(orders, statistics.OrderCounters()).as_dict(),
            **kwargs,
        )
