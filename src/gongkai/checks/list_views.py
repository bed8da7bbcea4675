"""The workbench pages where a 系统管理员 reads the check word lists and edits the additions."""

from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.views.generic import TemplateView

from gongkai.lib.errors import Refused
from gongkai.web import params
from gongkai.web.scoping import StaffMixin

from . import list_entries
from .forms import ListEntryForm
from .list_formats import FORMAT_HELP, WORD_LISTS, EntryError, WordList
from .models import CheckListEntry


def _list_url(word_list: WordList) -> str:
    return f"{reverse('checks:list')}?name={word_list.name}"


def _entry_url(entry: CheckListEntry) -> str:
    return f"{reverse('checks:entry')}?id={entry.pk}"


def _problem(entry: CheckListEntry) -> str:
    """Why a stored entry is no longer used by the checks, or ""."""
    try:
        entry.value()
    except EntryError as exc:
        return str(exc)
    return ""


class WordListIndexView(StaffMixin, TemplateView):
    """Every list with how many entries the package holds and how many the deployment adds."""

    action = list_entries.ACTION
    template_name = "checks/list_index.html"

    def get_context_data(self, **kwargs):
        active = {}
        for name in CheckListEntry.objects.filter(is_active=True).values_list(
            "list_name", flat=True
        ):
            active[name] = active.get(name, 0) + 1
        rows = [
            {
                "list": word_list,
                "url": _list_url(word_list),
                "package": len(list_entries.package_entries(word_list)),
                "added": active.get(word_list.name, 0),
            }
            for word_list in WORD_LISTS
        ]
        return super().get_context_data(rows=rows, **kwargs)


class WordListView(StaffMixin, TemplateView):
    """One list: the package entries (read-only) and the additions, with a form to add one."""

    action = list_entries.ACTION
    template_name = "checks/list_detail.html"

    def get(self, request, *args, **kwargs):
        self.word_list = self._word_list()
        return super().get(request, *args, **kwargs)

    def _word_list(self) -> WordList:
        try:
            return list_entries.word_list(self.request.GET.get("name", ""))
        except Refused:
            raise Http404("没有这个词表") from None

    def get_context_data(self, **kwargs):
        entries = CheckListEntry.objects.filter(list_name=self.word_list.name).order_by(
            "-is_active", "pk"
        )
        package = list_entries.package_entries(self.word_list)
        return super().get_context_data(
            word_list=self.word_list,
            package=package,
            additions=[{"entry": e, "url": _entry_url(e), "problem": _problem(e)} for e in entries],
            form=kwargs.pop("form", None) or self._form(),
            may_change=list_entries.may_change(self.request.user),
            **kwargs,
        )

    def _form(self, data=None) -> ListEntryForm:
        return ListEntryForm(data, format_help=FORMAT_HELP[self.word_list.format])

    def post(self, request, *args, **kwargs):
        self.word_list = self._word_list()
        form = self._form(request.POST)
        if form.is_valid():
            try:
                list_entries.add_entry(
                    user=request.user,
                    list_name=self.word_list.name,
                    text=form.cleaned_data["entry"],
                    note=form.cleaned_data["note"],
                )
            except Refused as refused:
                form.add_error("entry", refused.message)
            else:
                messages.success(request, "已添加，之后的检查即按新词表进行。")
                return HttpResponseRedirect(_list_url(self.word_list))
        return self.render_to_response(self.get_context_data(form=form), status=400)


class ListEntryView(StaffMixin, TemplateView):
    """One addition: change it, turn it off or on again, and read its versions."""

    action = list_entries.ACTION
    template_name = "checks/list_entry.html"

    def get(self, request, *args, **kwargs):
        self.entry = self._entry()
        return super().get(request, *args, **kwargs)

    def _entry(self) -> CheckListEntry:
        entry_id = params.object_id(self.request.GET, "id")
        if entry_id is None:
            raise Http404("没有这个条目")
        try:
            return CheckListEntry.objects.get(pk=entry_id)
        except CheckListEntry.DoesNotExist:
            raise Http404("没有这个条目") from None

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            entry=self.entry,
            word_list=self.entry.word_list,
            list_url=_list_url(self.entry.word_list),
            problem=_problem(self.entry),
            form=kwargs.pop("form", None) or self._form(),
            versions=list_entries.history(self.entry),
            **kwargs,
        )

    def _form(self, data=None) -> ListEntryForm:
        initial = {"entry": self.entry.entry, "note": self.entry.note}
        return ListEntryForm(
            data, initial=initial, format_help=FORMAT_HELP[self.entry.word_list.format]
        )

    def post(self, request, *args, **kwargs):
        self.entry = self._entry()
        op = request.POST.get("op", "")
        if op in ("deactivate", "activate"):
            try:
                list_entries.set_active(
                    user=request.user, entry=self.entry, active=op == "activate"
                )
            except Refused as refused:
                messages.error(request, refused.message)
            else:
                state = "启用" if self.entry.is_active else "停用"
                messages.success(request, f"已{state}，之后的检查即按新词表进行。")
            return HttpResponseRedirect(_entry_url(self.entry))
        form = self._form(request.POST)
        if form.is_valid():
            try:
                list_entries.change_entry(
                    user=request.user,
                    entry=self.entry,
                    text=form.cleaned_data["entry"],
                    note=form.cleaned_data["note"],
                )
            except Refused as refused:
                form.add_error("entry", refused.message)
            else:
                messages.success(request, "已保存修改，之后的检查即按新词表进行。")
                return HttpResponseRedirect(_entry_url(self.entry))
        return self.render_to_response(self.get_context_data(form=form), status=400)
