"""Workbench pages of the website's columns: the list with each column's state (a 主管部门
sees its subordinate agencies' columns too), adding a column and editing one."""

from django.contrib import messages
from django.urls import reverse
from django.views.generic import CreateView, ListView, UpdateView

from gongkai.agencies import access
from gongkai.web.queues import QueueListMixin
from gongkai.web.scoping import AgencyInUrlMixin, ScopedMixin, StaffMixin

from .forms import ColumnForm
from .models import Column
from .queues import QUEUES


class ColumnListView(QueueListMixin, StaffMixin, ListView):
    action = "column.view"
    model = Column
    queues = QUEUES
    template_name = "columns/column_list.html"

    def get_queryset(self):
        columns = Column.objects.select_related("agency").order_by("agency__path", "id")
        return self.queue_rows(columns)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            addable=access.agencies_for(self.request.user, "column.change").order_by("path"),
            **kwargs,
        )


class _ColumnFormMixin:
    form_class = ColumnForm
    template_name = "workbench/form.html"

    def form_valid(self, form):
        messages.success(self.request, "栏目已保存。")
        return super().form_valid(form)

    def get_success_url(self):
        return reverse("columns:list")


class ColumnCreateView(_ColumnFormMixin, AgencyInUrlMixin, CreateView):
    action = "column.change"
    model = Column

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"agency": self.agency}


class ColumnUpdateView(_ColumnFormMixin, ScopedMixin, UpdateView):
    action = "column.change"
    model = Column

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"agency": self.object.agency}
