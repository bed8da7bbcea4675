"""Workbench pages that configure the disclosure column: an agency's guide prose, and the
deployment-wide 主题分类 tree and 体裁 list. Thin: scope, call a service, render."""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import FormView, ListView, TemplateView

from gongkai.agencies import access
from gongkai.lib.errors import Refused
from gongkai.web.scoping import AgencyInUrlMixin, StaffMixin

from . import guides, taxonomy_edits
from .forms import GuideForm, TaxonomyAddForm
from .models import AgencyGuide, Genre, Topic


class GuideAgencyListView(StaffMixin, ListView):
    """The agencies whose guide the user may edit."""

    action = "guide.change"
    template_name = "catalog/guide_agencies.html"

    def get_queryset(self):
        return access.agencies_for(self.request.user, self.action).order_by("path")


class GuideEditView(AgencyInUrlMixin, FormView):
    # The record this page changes; the cross-agency isolation test looks it up here.
    model = AgencyGuide
    action = "guide.change"
    form_class = GuideForm
    template_name = "catalog/guide_form.html"

    def get_form_kwargs(self):
        self.guide = guides.guide_of(self.agency)
        return super().get_form_kwargs() | {"instance": self.guide}

    def form_valid(self, form):
        guides.save_guide(user=self.request.user, agency=self.agency, sections=form.cleaned_data)
        messages.success(self.request, "公开指南已保存，门户即时更新。")
        return HttpResponseRedirect(reverse("catalog:guide_edit", args=[self.agency.pk]))

    def get_context_data(self, **kwargs):
        form = kwargs.pop("form", None) or self.get_form()
        return super().get_context_data(form=form, guide=self.guide, **kwargs)


class TaxonomyView(StaffMixin, TemplateView):
    """One list (topics or genres) with a form per row: rename, move, (de)activate, delete.

    Every operation posts to this page with `op` and the row's `pk`; the service refuses
    anyone but a 系统管理员 and deleting a row an item uses. A subclass names its rows and how
    a row is added (`rows`, `_add`).
    """

    action = taxonomy_edits.ACTION
    model: type[Topic] | type[Genre]
    title: str
    url_name: str

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=self.title,
            rows=self.rows(),
            add_form=kwargs.pop("add_form", None) or TaxonomyAddForm(model=self.model),
            is_topic=self.model is Topic,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        op = request.POST.get("op", "")
        user = request.user
        try:
            if op == "add":
                form = TaxonomyAddForm(request.POST, model=self.model)
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(add_form=form), status=400)
                self._add(user, form.cleaned_data)
                messages.success(request, f"已添加“{form.cleaned_data['name']}”。")
                return self._back()
            node = get_object_or_404(self.model, pk=request.POST.get("pk"))
            if op == "rename":
                taxonomy_edits.rename(user=user, node=node, name=request.POST.get("name", ""))
                messages.success(request, f"已改名为“{node.name}”。")
            elif op in ("up", "down"):
                taxonomy_edits.move(user=user, node=node, step=-1 if op == "up" else 1)
            elif op in ("deactivate", "activate"):
                taxonomy_edits.set_active(user=user, node=node, active=op == "activate")
                state = "启用" if node.is_active else "停用"
                messages.success(request, f"已{state}“{node.name}”。")
            elif op == "delete":
                taxonomy_edits.delete(user=user, node=node)
                messages.success(request, f"已删除“{node.name}”。")
            else:
                messages.error(request, "无法识别的操作")
        except Refused as refused:
            messages.error(request, refused.message)
        return self._back()

    def _back(self) -> HttpResponseRedirect:
        return HttpResponseRedirect(reverse(self.url_name))


class TopicListView(TaxonomyView):
    model = Topic
    title = "主题分类"
    url_name = "catalog:topics"
    template_name = "catalog/taxonomy.html"

    def rows(self) -> list:
        """First-level topics, each followed by its sub-categories."""
        topics = list(Topic.objects.order_by("sort_order", "pk"))
        rows = []
        for parent in (t for t in topics if t.parent_id is None):
            rows.append(parent)
            rows += [t for t in topics if t.parent_id == parent.pk]
        return rows

    def _add(self, user, data: dict) -> None:
        taxonomy_edits.add_topic(user=user, name=data["name"], parent=data["parent"])


class GenreListView(TaxonomyView):
    model = Genre
    title = "体裁分类"
    url_name = "catalog:genres"
    template_name = "catalog/taxonomy.html"

    def rows(self) -> list:
        return list(Genre.objects.order_by("sort_order", "pk"))

    def _add(self, user, data: dict) -> None:
        taxonomy_edits.add_genre(
            user=user, name=data["name"], is_document_type=data["is_document_type"]
        )
