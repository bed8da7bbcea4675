"""Workbench pages of interpretations: the lists with their tabs, drafting an interpretation of
a document, an interpretation's page (its description and links; its text, files and review are
on its catalog item's page), a policy document's interpretation page (its interpretations, or
the reason it needs none) and the agency's 同步 setting. Each is thin: scope, perform, render."""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import DetailView, FormView, ListView

from gongkai.agencies import access
from gongkai.catalog.models import InfoItem
from gongkai.lib.errors import Refused
from gongkai.web import transitions
from gongkai.web.queues import QueueListMixin
from gongkai.web.scoping import AgencyInUrlMixin, ScopedMixin, StaffMixin
from gongkai.web.transitions import show_refusal

from . import policy, services
from .forms import DescribeForm, InterpretationCreateForm, SyncSettingForm
from .models import Interpretation, NoInterpretationReason
from .queues import DOCUMENT_QUEUES, INTERPRETATION_QUEUES
from .workflow import DOCUMENT_WORKFLOW, INTERPRETATION_WORKFLOW


class InterpretationListView(QueueListMixin, StaffMixin, ListView):
    model = Interpretation
    action = "item.view"
    queues = INTERPRETATION_QUEUES
    template_name = "interpretations/list.html"
    paginate_by = 50

    def get_queryset(self):
        return self.queue_rows(
            Interpretation.objects.select_related(
                "agency", "item__current_version", "author_unit"
            ).prefetch_related("documents__current_version")
        )


class DocumentListView(QueueListMixin, StaffMixin, ListView):
    model = InfoItem
    action = "item.view"
    queues = DOCUMENT_QUEUES
    template_name = "interpretations/documents.html"
    paginate_by = 50

    def get_queryset(self):
        return self.queue_rows(
            InfoItem.objects.select_related(
                "agency", "current_version__genre", "no_interpretation_reason"
            ).prefetch_related("interpretations__item__current_version")
        )


class _TransitionPage(ScopedMixin, DetailView):
    """A page whose forms post a named transition of `workflow` (`PAGE_FORMS` come back with
    their errors beside the fields)."""

    action = "item.view"
    workflow = None
    page_forms: tuple[str, ...] = ()

    def post(self, request, *args, **kwargs):
        self.object = record = self.get_object()
        name = request.POST.get("transition", "")
        attempt = transitions.attempt(self.workflow, record, name, request)
        if attempt.done:
            messages.success(request, self.workflow.message(name, attempt.result))
            return HttpResponseRedirect(request.path)
        if attempt.form is not None and attempt.form.errors and name in self.page_forms:
            return self.render_to_response(
                self.get_context_data(**{f"{name}_form": attempt.form}), status=400
            )
        messages.error(request, attempt.error)
        return HttpResponseRedirect(request.path)

    def get_context_data(self, **kwargs):
        record, user = self.object, self.request.user
        context = {
            "moves": self.workflow.available(record, user),
            **{f"{name}_form": self.workflow.form(name, record) for name in self.page_forms},
        }
        return super().get_context_data(**(context | kwargs))


class InterpretationDetailView(_TransitionPage):
    model = Interpretation
    workflow = INTERPRETATION_WORKFLOW
    page_forms = ("describe", "link")
    template_name = "interpretations/detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("agency", "item__current_version")

    def get_context_data(self, **kwargs):
        interpretation = self.object
        kwargs.setdefault(
            "describe_form",
            DescribeForm(
                agency=interpretation.agency,
                initial={"form": interpretation.form, "author_unit": interpretation.author_unit},
            ),
        )
        return super().get_context_data(
            documents=interpretation.documents.select_related("current_version"), **kwargs
        )


class DocumentView(_TransitionPage):
    """A policy document's interpretations, or the reason it needs none."""

    model = InfoItem
    workflow = DOCUMENT_WORKFLOW
    page_forms = ("waive",)
    template_name = "interpretations/document.html"

    def get_queryset(self):
        return super().get_queryset().select_related("agency", "current_version__genre")

    def get_context_data(self, **kwargs):
        document = self.object
        return super().get_context_data(
            interpretations=Interpretation.objects.filter(links__document=document)
            .select_related("item__current_version")
            .order_by("pk"),
            reason=NoInterpretationReason.objects.filter(document=document).first(),
            is_policy=policy.is_policy_document(document),
            setting=policy.setting_of(document.agency),
            can_draft=access.can(self.request.user, "item.change", document.agency),
            **kwargs,
        )


class InterpretationCreateView(StaffMixin, FormView):
    """Draft an interpretation of the document in the URL (others of its agency may be added)."""

    model = InfoItem
    action = "item.change"
    form_class = InterpretationCreateForm
    template_name = "interpretations/create.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.document = get_object_or_404(
                access.scope(InfoItem.objects.all(), request.user, self.action),
                pk=kwargs["pk"],
            )
        return super().dispatch(request, *args, **kwargs)

    def _documents(self):
        agency = self.document.agency
        offered = policy.policy_documents(services.interpretable(agency)).values("pk")
        return (
            services.interpretable(agency)
            .filter(pk__in=[self.document.pk, *[row["pk"] for row in offered[:200]]])
            .order_by("-created_at", "-pk")
        )

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {
            "agency": self.document.agency,
            "documents": self._documents(),
        }

    def get_initial(self):
        version = self.document.current_version
        return {
            "documents": [self.document.pk],
            "title": f"《{version.title}》政策解读",
            "formed_on": version.formed_on,
        }

    def form_valid(self, form):
        try:
            interpretation = services.create(
                user=self.request.user,
                agency=self.document.agency,
                data=form.content(),
                form=form.cleaned_data["form"],
                documents=form.cleaned_data["documents"],
                author_unit=form.cleaned_data["author_unit"],
            )
        except Refused as refused:
            show_refusal(form, refused)
            return self.form_invalid(form)
        messages.success(
            self.request,
            f"已起草政策解读，索引号 {interpretation.item.index_no}；"
            "请补充正文、上传附件后提交审查。",
        )
        return HttpResponseRedirect(reverse("review:item", args=[interpretation.item.pk]))

    def get_context_data(self, **kwargs):
        return super().get_context_data(document=self.document, **kwargs)


class SyncSettingView(AgencyInUrlMixin, FormView):
    """The agency's 同步 setting; shown on its review chain page, saved here."""

    action = "review.configure"
    form_class = SyncSettingForm
    template_name = "interpretations/setting.html"

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"instance": policy.setting_of(self.agency)}

    def form_valid(self, form):
        try:
            services.set_sync(
                user=self.request.user,
                agency=self.agency,
                mode=form.cleaned_data["mode"],
                days=form.cleaned_data["days"],
                genres=form.cleaned_data["genres"],
            )
        except Refused as refused:
            show_refusal(form, refused)
            return self.form_invalid(form)
        messages.success(self.request, "政策解读同步设置已保存。")
        return HttpResponseRedirect(reverse("review:chain", args=[self.agency.pk]))
