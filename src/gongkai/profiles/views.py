"""Workbench pages of the 机构概况: the versions of the user's agencies, starting a draft, a
version with its transitions, and a draft's leader photo."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.views.generic import DetailView, ListView, TemplateView

from gongkai.agencies import access
from gongkai.catalog.serving import file_response
from gongkai.web import params, transitions
from gongkai.web.queues import QueueListMixin
from gongkai.web.scoping import AgencyInUrlMixin, ScopedMixin, StaffMixin

from . import services
from .models import LeaderEntry, ProfileVersion
from .queues import QUEUES
from .workflow import PROFILE_WORKFLOW


class ProfileListView(QueueListMixin, StaffMixin, ListView):
    action = "profile.view"
    model = ProfileVersion
    queues = QUEUES
    template_name = "profiles/profile_list.html"

    def get_queryset(self):
        versions = ProfileVersion.objects.select_related("agency").order_by(
            "agency__path", "-number"
        )
        return self.queue_rows(versions)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            editable=access.agencies_for(self.request.user, "profile.edit").order_by("path"),
            **kwargs,
        )


class StartDraftView(AgencyInUrlMixin, TemplateView):
    """GET asks to confirm; POST opens the agency's draft (or the one already open)."""

    action = "profile.edit"
    template_name = "profiles/start.html"

    def post(self, request, *args, **kwargs):
        version = services.start_draft(self.agency, user=request.user)
        return redirect("profiles:detail", pk=version.pk)


class ProfileDetailView(ScopedMixin, DetailView):
    """A version, its units and leaders, and what the user may do to it now. `?unit=` and
    `?leader=` fill the change forms with one unit's or leader's values."""

    action = "profile.view"
    model = ProfileVersion
    template_name = "profiles/profile_detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("agency", "created_by", "submitted_by")

    def _initial(self, version) -> dict[str, dict]:
        initial = {}
        unit = version.units.filter(pk=params.object_id(self.request.GET, "unit")).first()
        if unit is not None:
            initial["save_unit"] = {
                "unit": unit.pk,
                "name": unit.name,
                "duties": unit.duties,
                "phone": unit.phone,
                "sort_order": unit.sort_order,
            }
        entry = version.leaders.filter(pk=params.object_id(self.request.GET, "leader")).first()
        if entry is not None:
            initial["change_leader"] = {
                "leader": entry.pk,
                "post": entry.post,
                "portfolio": entry.portfolio,
                "cv": entry.cv,
                "sort_order": entry.sort_order,
            }
            initial["leader_leaves"] = {"leader": entry.pk}
        return initial

    def get_context_data(self, **kwargs):
        version, user = self.object, self.request.user
        failed_name, failed_form = getattr(self, "failed", ("", None))
        initial = self._initial(version)
        moves = []
        for name in PROFILE_WORKFLOW.available(version, user):
            form = (
                failed_form
                if name == failed_name
                else PROFILE_WORKFLOW.form(name, version, prefix=name)
            )
            if form is not None and name in initial and name != failed_name:
                form.initial = initial[name]
            moves.append((name, PROFILE_WORKFLOW.label(name), form))
        return super().get_context_data(
            moves=moves,
            failed_form=failed_form,
            open_moves={failed_name} if failed_name else set(initial),
            units=version.units.all(),
            leaders=version.leaders.select_related("leader"),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        self.object = version = self.get_object()
        name = request.POST.get("transition", "")
        attempt = transitions.attempt(PROFILE_WORKFLOW, version, name, request, prefix=name)
        if attempt.done:
            messages.success(request, PROFILE_WORKFLOW.message(name, attempt.result))
            return redirect("profiles:detail", pk=version.pk)
        if attempt.form is None:
            messages.error(request, attempt.error)
            return redirect("profiles:detail", pk=version.pk)
        self.failed = (name, attempt.form)
        return self.render_to_response(self.get_context_data(), status=400)


class LeaderPhotoView(ScopedMixin, DetailView):
    """A leader's photo as staff see it in a draft (the public one is the portal's)."""

    action = "profile.view"
    model = LeaderEntry

    def get(self, request, *args, **kwargs):
        entry = self.get_object()
        if not entry.photo:
            raise Http404("该领导没有照片")
        return file_response(
            entry.photo.open("rb"),
            kind=entry.photo_kind,
            filename=f"{entry.leader.name}.{entry.photo_kind}",
            inline=True,
        )
