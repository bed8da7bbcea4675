"""Workbench pages of the 政务新媒体 register: the list with each account's state (a 主管部门
sees its subordinates' accounts too), adding and editing an account, importing last posts."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import CreateView, FormView, ListView, UpdateView

from gongkai.agencies import access
from gongkai.lib.errors import Refused
from gongkai.web.queues import QueueListMixin
from gongkai.web.scoping import AgencyInUrlMixin, ScopedMixin, StaffMixin

from .forms import AccountForm, ImportForm
from .imports import import_last_posts
from .models import NewMediaAccount
from .queues import QUEUES


class AccountListView(QueueListMixin, StaffMixin, ListView):
    action = "newmedia.view"
    model = NewMediaAccount
    queues = QUEUES
    template_name = "newmedia/account_list.html"

    def get_queryset(self):
        accounts = NewMediaAccount.objects.select_related("agency")
        return self.queue_rows(accounts.order_by("agency__path", "platform", "name"))

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            changeable=access.agencies_for(self.request.user, "newmedia.change").order_by("path"),
            **kwargs,
        )


class _AccountFormMixin:
    form_class = AccountForm
    template_name = "workbench/form.html"

    def form_valid(self, form):
        messages.success(self.request, "账号已保存。")
        return super().form_valid(form)

    def get_success_url(self):
        return reverse("newmedia:list")


class AccountCreateView(_AccountFormMixin, AgencyInUrlMixin, CreateView):
    action = "newmedia.change"
    model = NewMediaAccount

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"agency": self.agency}


class AccountUpdateView(_AccountFormMixin, ScopedMixin, UpdateView):
    action = "newmedia.change"
    model = NewMediaAccount

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"agency": self.object.agency}


class ImportView(AgencyInUrlMixin, FormView):
    action = "newmedia.change"
    form_class = ImportForm
    template_name = "workbench/form.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=f"导入{self.agency.display_name}政务新媒体的最近发布日期", **kwargs
        )

    def form_valid(self, form):
        try:
            outcome = import_last_posts(
                self.agency, form.cleaned_data["file"].read(), user=self.request.user
            )
        except Refused as refused:
            form.add_error("file", refused.message)
            return self.form_invalid(form)
        messages.success(
            self.request,
            f"已更新{len(outcome.updated)}个账号的最近发布日期"
            f"（{len(outcome.unchanged)}个账号表格中的日期不晚于已登记的日期，未改动）。",
        )
        return redirect("newmedia:list")
