"""Workbench pages of the catalog: list, register, edit, attach, earlier versions. The item's own
page, where the review gate's transitions are carried out, is the review area's
(`review/item_views.py`). Each is thin: scope, call a service, render."""

from django.contrib import messages
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.views.generic import DetailView, FormView, ListView

from gongkai.agencies import access
from gongkai.lib.errors import Refused
from gongkai.web.queues import QueueListMixin
from gongkai.web.scoping import ScopedMixin, StaffMixin
from gongkai.web.transitions import show_refusal

from . import services, version_diff
from .attachments import AttachmentError
from .forms import (
    AttachmentChangeForm,
    AttachmentForm,
    ItemFilterForm,
    ItemForm,
)
from .models import Attachment, InfoItem, ItemVersion
from .queues import QUEUES
from .rules import edit_refusal
from .serving import file_response


class ItemListView(QueueListMixin, StaffMixin, ListView):
    model = InfoItem
    action = "item.view"
    queues = QUEUES
    template_name = "catalog/item_list.html"
    paginate_by = 50

    def get_queryset(self):
        qs = self.queue_rows(InfoItem.objects.select_related("agency", "current_version"))
        self.filter_form = ItemFilterForm(self.request.GET or None)
        if self.filter_form.is_valid():
            q, status = self.filter_form.cleaned_data["q"], self.filter_form.cleaned_data["status"]
            if q:
                qs = qs.filter(
                    Q(index_no=q)
                    | Q(current_version__title__contains=q)
                    | Q(current_version__doc_no=q)
                )
            if status:
                qs = qs.filter(status=status)
        return qs

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            filter_form=self.filter_form,
            can_create=not access.grant(user, "item.change").nothing,
            today=timezone.localdate(),
            **kwargs,
        )


class ItemCreateView(StaffMixin, FormView):
    action = "item.change"
    form_class = ItemForm
    template_name = "catalog/item_form.html"

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {
            "agencies": access.agencies_for(self.request.user, self.action).order_by("path")
        }

    def form_valid(self, form):
        try:
            result = services.create_item(
                user=self.request.user,
                agency=form.cleaned_data["agency"],
                data=form.content(),
            )
        except Refused as refused:
            show_refusal(form, refused)
            return self.form_invalid(form)
        for note in result.notes:
            messages.info(self.request, note)
        messages.success(self.request, f"已登记，索引号 {result.item.index_no}。")
        return HttpResponseRedirect(reverse("review:item", args=[result.item.pk]))

    def get_context_data(self, **kwargs):
        return super().get_context_data(title="登记政府信息", **kwargs)


class ItemEditView(StaffMixin, FormView):
    model = InfoItem
    action = "item.change"
    form_class = ItemForm
    template_name = "catalog/item_form.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.item = get_object_or_404(
                access.scope(InfoItem.objects.all(), request.user, self.action), pk=kwargs["pk"]
            )
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"instance": self.item.current_version}

    def form_valid(self, form):
        try:
            result = services.update_item(
                user=self.request.user, item=self.item, data=form.content()
            )
        except Refused as refused:
            show_refusal(form, refused)
            return self.form_invalid(form)
        for note in result.notes:
            messages.info(self.request, note)
        messages.success(self.request, "已保存。")
        return HttpResponseRedirect(reverse("review:item", args=[self.item.pk]))

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=f"修改：{self.item.current_version.title}", item=self.item, **kwargs
        )


class AttachmentAddView(ItemEditView):
    form_class = AttachmentForm
    template_name = "catalog/attachment_form.html"

    def get_form_kwargs(self):
        return FormView.get_form_kwargs(self)

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        try:
            attachment = services.add_attachment(
                user=self.request.user,
                item=self.item,
                name=upload.name,
                data=upload.read(),
                title=form.cleaned_data["title"],
            )
        except (AttachmentError, Refused) as exc:
            form.add_error("file", _refusal(exc))
            return self.form_invalid(form)
        found = len(attachment.check_findings)
        messages.success(
            self.request,
            f"已上传“{attachment.title}”" + (f"，自动检查发现 {found} 处问题。" if found else "。"),
        )
        return HttpResponseRedirect(reverse("review:item", args=[self.item.pk]))

    def get_context_data(self, **kwargs):
        return FormView.get_context_data(
            self,
            title=f"上传附件：{self.item.current_version.title}",
            item=self.item,
            refusal=edit_refusal(self.item.status, "上传附件"),
            **kwargs,
        )


class AttachmentChangeView(StaffMixin, FormView):
    """Retitle a file of the working version, or replace it, while the version is editable."""

    model = Attachment
    action = "item.change"
    form_class = AttachmentChangeForm
    template_name = "catalog/attachment_form.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.attachment = get_object_or_404(
                access.scope(
                    Attachment.objects.select_related("version__item"), request.user, self.action
                ),
                pk=kwargs["pk"],
            )
            self.item = self.attachment.version.item
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {"title": self.attachment.title}

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        try:
            services.change_attachment(
                user=self.request.user,
                attachment=self.attachment,
                title=form.cleaned_data["title"],
                name=upload.name if upload else "",
                data=upload.read() if upload else None,
            )
        except (AttachmentError, Refused) as exc:
            form.add_error("file" if upload else None, _refusal(exc))
            return self.form_invalid(form)
        done = "已替换" if upload else "已保存"
        messages.success(self.request, f"{done}附件“{self.attachment.title}”。")
        return HttpResponseRedirect(reverse("review:item", args=[self.item.pk]))

    def get_context_data(self, **kwargs):
        if self.attachment.version_id != self.item.current_version_id:
            refusal = "只能修改当前版本的附件；早先版本的附件随该版本保留，不能改动。"
        else:
            refusal = edit_refusal(self.item.status, services.CHANGING_ATTACHMENTS)
        return super().get_context_data(
            title=f"附件：{self.attachment.title}",
            item=self.item,
            attachment=self.attachment,
            refusal=refusal,
            **kwargs,
        )


def _refusal(exc: Exception) -> str:
    return exc.message if isinstance(exc, Refused) else str(exc)


class AttachmentDownloadView(ScopedMixin, DetailView):
    model = Attachment
    action = "item.view"

    def get(self, request, *args, **kwargs):
        attachment = self.get_object()
        return file_response(
            attachment.file.open("rb"), kind=attachment.kind, filename=attachment.name
        )


class ItemVersionView(ScopedMixin, DetailView):
    """Any version of an item as it was: text, metadata and files, and what the next version
    changed. Staff see every version, including those the public never saw or no longer sees."""

    model = ItemVersion
    action = "item.view"
    template_name = "catalog/item_version.html"
    context_object_name = "version"

    def get_queryset(self):
        return super().get_queryset().select_related("item", "topic", "genre")

    def get_context_data(self, **kwargs):
        version = self.object
        item = version.item
        newer = item.versions.filter(number=version.number + 1).first()
        context = {
            "item": item,
            "attachments": version.attachments.all(),
            "newer": newer,
            "versions": item.versions.all(),
        }
        if newer is not None:
            context["field_changes"] = version_diff.field_changes(version, newer)
            context["body_lines"] = version_diff.body_lines(version.body, newer.body)
        return super().get_context_data(**(context | kwargs))
