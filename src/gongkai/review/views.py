"""Workbench pages of the review gate: what waits for my signature, what is due or overdue for
publication (Art. 26), what withheld information is due for re-review (Art. 18), and each
agency's review chain."""

from datetime import timedelta

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import FormView, ListView

from gongkai.agencies import access
from gongkai.agencies.models import Agency
from gongkai.catalog.models import DisclosureAttribute, InfoItem, ItemStatus
from gongkai.lib.errors import Refused
from gongkai.web.queues import QueueListMixin
from gongkai.web.scoping import AgencyInUrlMixin, ScopedMixin, StaffMixin

from . import policy, services
from .models import SIGNING_ROLES, Review
from .queues import QUEUES


class ReviewQueueView(QueueListMixin, StaffMixin, ListView):
    """Reviews under way at the agencies where the user signs, next step first."""

    model = Review
    action = "review.sign"
    queues = QUEUES
    template_name = "review/queue.html"
    paginate_by = 50

    def get_queryset(self):
        return (
            self.queue_rows(Review.objects.all())
            .select_related("version__item", "agency", "submitted_by")
            .prefetch_related("opinions")
            .order_by("submitted_at", "pk")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["rows"] = [(r, services.can_sign(user, r)) for r in context["object_list"]]
        return context


class DueListView(ScopedMixin, ListView):
    """Proactive items not yet published, by their Art. 26 publish-by date."""

    model = InfoItem
    action = "item.view"
    template_name = "review/due.html"
    paginate_by = 100

    def get_queryset(self):
        today = timezone.localdate()
        qs = super().get_queryset().select_related("agency", "current_version")
        soon = qs.due_within(policy.DUE_SOON_DAYS, today) | qs.overdue(today)
        return soon.filter(first_published_at__isnull=True).order_by("publish_due")

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        late = (
            access.scope(InfoItem.objects.all(), self.request.user, self.action)
            .filter(published_late=True, published_at__gte=timezone.now() - timedelta(days=365))
            .select_related("current_version", "agency")
            .order_by("-published_at")[:50]
        )
        return super().get_context_data(
            today=today, due_soon_days=policy.DUE_SOON_DAYS, late=late, **kwargs
        )


class ReReviewQueueView(ScopedMixin, ListView):
    """不予公开 decisions due for their periodic re-evaluation (Art. 18)."""

    model = InfoItem
    action = "item.view"
    template_name = "review/re_review.html"
    paginate_by = 100

    def get_queryset(self):
        horizon = timezone.localdate() + timedelta(days=30)
        return (
            super()
            .get_queryset()
            .filter(
                status=ItemStatus.APPROVED,
                current_version__attribute=DisclosureAttribute.NOT_DISCLOSED,
                re_review_due__lte=horizon,
            )
            .select_related("agency", "current_version")
            .order_by("re_review_due")
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(today=timezone.localdate(), **kwargs)


class ChainForm(forms.Form):
    """Up to five steps; empty rows are dropped."""

    ROWS = policy.MAX_CHAIN_STEPS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for i in range(1, self.ROWS + 1):
            self.fields[f"name_{i}"] = forms.CharField(
                label=f"第{i}环节名称", max_length=20, required=False
            )
            self.fields[f"role_{i}"] = forms.ChoiceField(
                label=f"第{i}环节签署角色", choices=[("", "—"), *SIGNING_ROLES], required=False
            )
        self.fields["submitter_may_sign"] = forms.BooleanField(
            label=Agency._meta.get_field("submitter_may_sign").verbose_name,
            help_text=Agency._meta.get_field("submitter_may_sign").help_text,
            required=False,
        )

    def clean(self):
        steps = []
        for i in range(1, self.ROWS + 1):
            name, role = self.cleaned_data.get(f"name_{i}"), self.cleaned_data.get(f"role_{i}")
            if bool(name) != bool(role):
                raise ValidationError(f"第{i}环节须同时填写名称和签署角色。")
            if name:
                steps.append({"name": name, "role": role})
        self.cleaned_data["steps"] = steps
        return self.cleaned_data


class ChainView(AgencyInUrlMixin, FormView):
    action = "review.configure"
    form_class = ChainForm
    template_name = "review/chain.html"

    def get_initial(self):
        initial = {"submitter_may_sign": self.agency.submitter_may_sign}
        for i, step in enumerate(services.chain_for(self.agency), start=1):
            initial[f"name_{i}"], initial[f"role_{i}"] = step["name"], step["role"]
        return initial

    def form_valid(self, form):
        try:
            services.set_chain(
                user=self.request.user,
                agency=self.agency,
                steps=form.cleaned_data["steps"],
                submitter_may_sign=form.cleaned_data["submitter_may_sign"],
            )
        except Refused as refused:
            form.add_error(None, refused.message)
            return self.form_invalid(form)
        messages.success(self.request, "审查流程已保存，此后提交的审查按新流程进行。")
        return HttpResponseRedirect(reverse("review:chain", args=[self.agency.pk]))

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            chain=services.chain_for(self.agency),
            agencies=access.agencies_for(self.request.user, self.action),
            **kwargs,
        )


class ChainIndexView(ScopedMixin, ListView):
    """The agencies whose review chain the user sets."""

    model = Agency
    action = "review.configure"
    template_name = "review/chain_index.html"

    def get_queryset(self):
        return super().get_queryset().prefetch_related("review_steps").order_by("path")
