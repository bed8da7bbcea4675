"""督查考核 on the workbench: where each agency stands (自查) and, for a 主管部门, every agency
below it in one table; the indicator systems — read, exported, imported, copied, edited and
switched on."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView

from gongkai.agencies import access
from gongkai.lib.errors import Refused
from gongkai.web.params import object_id
from gongkai.web.scoping import AgencyInUrlMixin, StaffMixin

from . import edits, services, standing, systems
from .models import IndicatorSystem, Remedy
from .probes import PROBES
from .scoring import rank


def visible_systems(user, action: str = "oversight.view"):
    """The shipped systems and those of the agencies the user's grant covers."""
    return IndicatorSystem.objects.filter(
        Q(owner__isnull=True) | access.grant(user, action).q("owner")
    ).select_related("owner", "based_on")


class StandingListView(StaffMixin, TemplateView):
    """Every agency the user may see, its score under each active system, ranked."""

    action = "oversight.view"
    template_name = "oversight/index.html"

    def get_context_data(self, **kwargs):
        agencies = list(access.agencies_for(self.request.user, self.action).filter(is_active=True))
        today = timezone.localdate()
        found = standing.evaluate(agencies, today)
        kinds: dict[str, str] = {}
        for standings in found.values():
            for s in standings:
                kinds.setdefault(s.record.kind, s.record.get_kind_display())
        ranks = {
            kind: rank(
                {pk: s.score for pk, ss in found.items() for s in ss if s.record.kind == kind}
            )
            for kind in kinds
        }
        rows = []
        for agency in sorted(agencies, key=lambda a: a.path):
            by_kind = {s.record.kind: s for s in found.get(agency.pk, [])}
            rows.append(
                {
                    "agency": agency,
                    "cells": [(by_kind.get(kind), ranks[kind].get(agency.pk)) for kind in kinds],
                }
            )
        return super().get_context_data(
            rows=rows, kinds=list(kinds.values()), today=today, **kwargs
        )


class ProfileForm(forms.Form):
    has_services = forms.BooleanField(label="有对外服务事项", required=False)
    is_portal = forms.BooleanField(label="门户网站", required=False)


class SelfCheckView(AgencyInUrlMixin, TemplateView):
    """自查: the agency's current standing against each active system, what would fail and
    why, with the evidence and where to put it right."""

    action = "oversight.view"
    template_name = "oversight/standing.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        standings = standing.evaluate([self.agency], today).get(self.agency.pk, [])
        profile = standing.profiles([self.agency])[self.agency.pk]
        manage = access.can(self.request.user, "oversight.manage", self.agency)
        remedies = Remedy.objects.filter(agency=self.agency).select_related("deduction__round")
        return super().get_context_data(
            standings=standings,
            remedies=remedies.order_by("-deduction__round__period_end", "due_on"),
            today=today,
            profile=profile,
            profile_form=ProfileForm(initial=vars(profile)) if manage else None,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        form = ProfileForm(request.POST)
        form.is_valid()
        services.set_profile(
            self.agency,
            has_services=form.cleaned_data.get("has_services", False),
            is_portal=form.cleaned_data.get("is_portal", False),
            user=request.user,
        )
        messages.success(request, "考核对象设置已保存。")
        return HttpResponseRedirect(reverse("oversight:standing", args=[self.agency.pk]))


class SystemListView(StaffMixin, TemplateView):
    action = "oversight.view"
    template_name = "oversight/system_list.html"

    def get_context_data(self, **kwargs):
        owners = access.agencies_for(self.request.user, "oversight.manage").order_by("path")
        return super().get_context_data(
            systems=visible_systems(self.request.user), importable=owners.exists(), **kwargs
        )


class _SystemMixin(StaffMixin):
    action = "oversight.view"
    model = IndicatorSystem

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.record = get_object_or_404(visible_systems(request.user), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def can_manage(self) -> bool:
        return not self.record.shipped and access.can(
            self.request.user, "oversight.manage", self.record.owner
        )


def _tree_rows(system: systems.System) -> list[dict]:
    rows = []

    def walk(part, indicator, depth):
        rows.append({"part": part, "indicator": indicator, "depth": depth})
        for child in indicator.children:
            walk(part, child, depth + 1)

    for part in system.parts:
        for indicator in part.indicators:
            walk(part, indicator, 0)
    return rows


class SystemDetailView(_SystemMixin, TemplateView):
    """The system's tree with every figure the source does not confirm marked; export,
    copy, and for its owner edit, switch on and off."""

    template_name = "oversight/system_detail.html"

    def get_context_data(self, **kwargs):
        system = self.record.system()
        owners = access.agencies_for(self.request.user, "oversight.manage").order_by("path")
        return super().get_context_data(
            record=self.record,
            system=system,
            rows=_tree_rows(system),
            probes=PROBES,
            warnings=system.warnings(),
            manage=self.can_manage(),
            copy_owners=owners,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        do = request.POST.get("do")
        try:
            if do == "copy":
                owner_id = object_id(request.POST, "owner")
                owner = get_object_or_404(
                    access.agencies_for(request.user, "oversight.manage"), pk=owner_id or 0
                )
                made = services.copy_system(self.record, owner=owner, user=request.user)
                messages.success(request, f"已复制为{owner.display_name}的草稿，可修改后启用。")
                return HttpResponseRedirect(reverse("oversight:system_edit", args=[made.pk]))
            if do == "activate":
                services.activate(self.record, user=request.user)
                messages.success(request, "已启用。本机关及下级机关自查按此指标体系计分。")
            elif do == "retire":
                services.retire(self.record, user=request.user)
                messages.success(request, "已停用。")
            else:
                return HttpResponse("未知的操作", status=400)
        except Refused as refused:
            messages.error(request, refused.message)
            response = self.render_to_response(self.get_context_data())
            response.status_code = 400
            return response
        return HttpResponseRedirect(reverse("oversight:system", args=[self.record.pk]))


class SystemExportView(_SystemMixin, TemplateView):
    def get(self, request, *args, **kwargs):
        fmt = "json" if request.GET.get("as") == "json" else "yaml"
        text = systems.dump(self.record.system(), fmt)
        content_type = "application/json" if fmt == "json" else "application/yaml"
        response = HttpResponse(text, content_type=f"{content_type}; charset=utf-8")
        filename = f"{self.record.code}-v{self.record.version}.{fmt}"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class SystemEditView(_SystemMixin, TemplateView):
    """The copy's figures as a form: gates, each indicator's points, per-finding deduction,
    cap, veto threshold and measure; local indicators added or removed. Saving a system that
    was once switched on makes its next version."""

    action = "oversight.manage"
    template_name = "oversight/system_edit.html"

    def get(self, request, *args, **kwargs):
        if not self.can_manage():
            raise PermissionDenied("只有制定机关的主管部门可以修改该指标体系")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, error: str = "", data: dict | None = None, **kwargs):
        system = self.record.system()
        return super().get_context_data(
            record=self.record,
            system=system,
            rows=_tree_rows(system),
            probes=PROBES,
            parts=systems.PART_LABELS,
            error=error,
            posted=data or {},
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if not self.can_manage():
            raise PermissionDenied("只有制定机关的主管部门可以修改该指标体系")
        try:
            data = edits.apply(self.record.definition, request.POST)
            saved = services.save_definition(self.record, data, user=request.user)
        except Refused as refused:
            response = self.render_to_response(
                self.get_context_data(error=refused.message, data=request.POST)
            )
            response.status_code = 400
            return response
        if saved.pk != self.record.pk:
            messages.success(request, f"已保存为第{saved.version}版（草稿），启用后生效。")
        else:
            messages.success(request, "指标体系已保存。")
        return HttpResponseRedirect(reverse("oversight:system", args=[saved.pk]))


class ImportForm(forms.Form):
    owner = forms.ModelChoiceField(label="制定机关", queryset=None)
    file = forms.FileField(label="指标体系文件（YAML 或 JSON）")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = access.agencies_for(user, "oversight.manage").order_by(
            "path"
        )


MAX_SYSTEM_BYTES = 512 * 1024


class SystemImportView(StaffMixin, TemplateView):
    action = "oversight.manage"
    template_name = "oversight/system_import.html"

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", ImportForm(user=self.request.user))
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        form = ImportForm(request.POST, request.FILES, user=request.user)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                if upload.size > MAX_SYSTEM_BYTES:
                    raise Refused("文件过大（不超过512KB）", "file")
                try:
                    text = upload.read().decode("utf-8-sig")
                except UnicodeDecodeError:
                    raise Refused("文件应为 UTF-8 编码的文本", "file") from None
                record = services.import_system(
                    text, owner=form.cleaned_data["owner"], user=request.user
                )
            except Refused as refused:
                form.add_error("file" if refused.field in (None, "file") else None, refused.message)
            else:
                messages.success(request, f"已导入为草稿：{record}。")
                return HttpResponseRedirect(reverse("oversight:system", args=[record.pk]))
        response = self.render_to_response(self.get_context_data(form=form))
        response.status_code = 400
        return response
