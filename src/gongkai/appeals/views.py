"""Workbench pages of appeals: the list with table 4's counts, and adding or updating one."""

from django.contrib import messages
from django.urls import reverse
from django.views.generic import CreateView, ListView, UpdateView

from gongkai.agencies import access
from gongkai.applications.services import today
from gongkai.web import params
from gongkai.web.scoping import AgencyInUrlMixin, ScopedMixin

from .forms import AppealForm
from .models import TABLE4_GROUPS, TABLE4_RESULTS, Appeal, table4


class AppealListView(ScopedMixin, ListView):
    model = Appeal
    action = "appeal.view"
    template_name = "appeals/appeal_list.html"
    paginate_by = 50

    def get_queryset(self):
        return super().get_queryset().select_related("agency", "case")

    def get_context_data(self, **kwargs):
        year = params.integer(
            self.request.GET.get("year"), minimum=2008, maximum=2100, default=today().year
        )
        row = table4(self.get_queryset(), year)
        groups = [(kind.label, row[i * 5 : i * 5 + 5]) for i, kind in enumerate(TABLE4_GROUPS)]
        return super().get_context_data(
            year=year,
            table4_groups=groups,
            table4_headers=[r.label for r in TABLE4_RESULTS] + ["总计"],
            addable_agencies=access.agencies_for(self.request.user, "appeal.change"),
            **kwargs,
        )


class AppealCreateView(AgencyInUrlMixin, CreateView):
    model = Appeal
    action = "appeal.change"
    form_class = AppealForm
    template_name = "workbench/form.html"

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"agency": self.agency}

    def get_initial(self):
        case = params.object_id(self.request.GET, "case")
        return {"case": case} if case else {}

    def form_valid(self, form):
        messages.success(self.request, "已登记。")
        return super().form_valid(form)

    def get_success_url(self):
        return reverse("appeals:list")


class AppealUpdateView(ScopedMixin, UpdateView):
    model = Appeal
    action = "appeal.change"
    form_class = AppealForm
    template_name = "workbench/form.html"

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"agency": self.object.agency}

    def form_valid(self, form):
        messages.success(self.request, "已保存。")
        return super().form_valid(form)

    def get_success_url(self):
        return reverse("appeals:list")
