"""Workbench pages of 意见征集: the list with its tabs, setting a consultation up, a consultation
with its comments, 采纳情况 and moves, one comment with its moves, and the draft file."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.views.generic import DetailView, FormView, ListView
from django.views.generic.detail import SingleObjectMixin

from gongkai.catalog.serving import file_response
from gongkai.lib.errors import Refused
from gongkai.web import transitions
from gongkai.web.queues import QueueListMixin
from gongkai.web.scoping import ScopedMixin, StaffMixin

from . import consultations
from .consultation_forms import ConsultationForm
from .consultation_models import Consultation, ConsultationComment, ConsultationStatus
from .consultation_workflow import COMMENT_WORKFLOW, CONSULTATION_WORKFLOW
from .queues import CONSULTATION_QUEUES


class MovesMixin:
    """A record's page with its moves as forms; a posted move goes through the workflow and
    comes back here, or to the page with the refused form and status 400."""

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
        return super().get_context_data(failed_form=failed_form, **kwargs)

    def after(self, record):
        return redirect(self.url_name, pk=record.pk)

    def post(self, request, *args, **kwargs):
        self.object = record = self.get_object()
        name = request.POST.get("transition", "")
        attempt = transitions.attempt(self.workflow, record, name, request, prefix=name)
        if attempt.done:
            messages.success(request, self.workflow.message(name, attempt.result))
            return self.after(record)
        if attempt.form is None:
            messages.error(request, attempt.error)
            return self.after(record)
        self.failed = (name, attempt.form)
        return self.render_to_response(self.get_context_data(), status=400)


class ConsultationListView(QueueListMixin, StaffMixin, ListView):
    action = "consultation.view"
    model = Consultation
    queues = CONSULTATION_QUEUES
    template_name = "engagement/consultation_list.html"
    paginate_by = 50

    def get_queryset(self):
        return self.queue_rows(Consultation.objects.with_counts().select_related("agency"))

    def get_context_data(self, **kwargs):
        return super().get_context_data(today=timezone.localdate(), **kwargs)


class ConsultationFormMixin:
    form_class = ConsultationForm
    template_name = "engagement/consultation_form.html"

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"user": self.request.user}

    # Each view's `save(form)` writes the consultation through the services.
    def form_valid(self, form):
        try:
            consultation = self.save(form)
        except Refused as error:
            transitions.show_refusal(form, error)
            return self.form_invalid(form)
        messages.success(self.request, "已保存。核对后点击“发布征集”，门户即按期接收意见。")
        return redirect("engagement:consultation", pk=consultation.pk)


class ConsultationCreateView(ConsultationFormMixin, StaffMixin, FormView):
    action = "consultation.manage"

    def get_initial(self):
        return {"opens_on": timezone.localdate()}

    def save(self, form):
        return consultations.create(
            form.cleaned_data["agency"], form.draft_input(), user=self.request.user
        )


class ConsultationUpdateView(ConsultationFormMixin, ScopedMixin, SingleObjectMixin, FormView):
    """A consultation's text, draft and dates, while it is not yet public."""

    action = "consultation.manage"
    model = Consultation

    def get_object(self, queryset=None):
        if not hasattr(self, "object"):
            self.object = super().get_object(queryset)
            if self.object.status != ConsultationStatus.DRAFT:
                raise Http404("意见征集发布后不能再修改")
        return self.object

    def get_context_data(self, **kwargs):
        return super().get_context_data(object=self.get_object(), **kwargs)

    def get_initial(self):
        c = self.get_object()
        return {
            "agency": c.agency_id,
            "title": c.title,
            "explanation": c.explanation,
            "item_index_no": c.item.index_no if c.item else "",
            "major_decision": c.major_decision,
            "opens_on": c.opens_on,
            "closes_on": c.closes_on,
        }

    def save(self, form):
        return consultations.update(self.get_object(), form.draft_input(), user=self.request.user)


class ConsultationDetailView(MovesMixin, ScopedMixin, DetailView):
    """A consultation: its draft and dates, the comments with their moves, the 采纳情况 lines
    and the moves open to the user now."""

    action = "consultation.view"
    model = Consultation
    template_name = "engagement/consultation_detail.html"
    workflow = CONSULTATION_WORKFLOW
    url_name = "engagement:consultation"

    def get_queryset(self):
        return super().get_queryset().select_related("agency", "item", "created_by")

    def get_context_data(self, **kwargs):
        consultation = self.object
        user = self.request.user
        comments = list(consultation.comments.prefetch_related("adoptions"))
        comment_moves = [
            (
                comment,
                [
                    (name, COMMENT_WORKFLOW.label(name), COMMENT_WORKFLOW.form(name, comment))
                    for name in COMMENT_WORKFLOW.available(comment, user)
                ],
            )
            for comment in comments
        ]
        return super().get_context_data(
            moves=self.moves(consultation),
            comment_moves=comment_moves,
            adoptions=consultation.adoptions.prefetch_related("comments"),
            today=timezone.localdate(),
            **kwargs,
        )


class CommentDetailView(MovesMixin, ScopedMixin, DetailView):
    """One comment with its moves; a move done goes back to the consultation."""

    action = "consultation.view"
    model = ConsultationComment
    template_name = "engagement/comment_detail.html"
    workflow = COMMENT_WORKFLOW
    context_object_name = "comment"

    def get_queryset(self):
        return super().get_queryset().select_related("consultation__agency")

    def after(self, record):
        return redirect("engagement:consultation", pk=record.consultation_id)

    def get_context_data(self, **kwargs):
        return super().get_context_data(moves=self.moves(self.object), **kwargs)


class ConsultationDraftView(ScopedMixin, DetailView):
    """The uploaded draft, for staff, in any state; served so that it cannot run."""

    action = "consultation.view"
    model = Consultation

    def get(self, request, *args, **kwargs):
        consultation = self.get_object()
        if not consultation.draft:
            raise Http404("没有上传草案文件")
        return file_response(
            consultation.draft.open("rb"),
            kind=consultation.draft_kind,
            filename=consultation.draft_name or "草案",
            inline=True,
        )
