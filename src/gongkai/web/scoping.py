"""View mixins that route every staff page through agencies.access."""

import csv
from collections.abc import Callable

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.views import View
from django.views.generic.list import MultipleObjectMixin

from gongkai.agencies import access
from gongkai.lib.spreadsheet_cells import as_text_cell


class StaffMixin(LoginRequiredMixin):
    """A staff page. `action` is what the page does; the user must hold it somewhere."""

    action: str = "workbench.use"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if access.grant(request.user, self.action).nothing:
            raise PermissionDenied("您的账号没有此项工作的权限")
        return super().dispatch(request, *args, **kwargs)

    def form_invalid(self, form):
        """A form page sent back with its errors: 400 Bad Request, so that nothing reading the
        answer (a script, a monitor, a test) takes the refused post for a success."""
        response = super().form_invalid(form)
        response.status_code = 400
        return response


class ScopedMixin(StaffMixin):
    """Rows outside the user's grant for `action` do not exist as far as the page is concerned."""

    def get_queryset(self):
        return access.scope(super().get_queryset(), self.request.user, self.action)


class AgencyInUrlMixin(StaffMixin):
    """A page about one agency named by `agency_pk` in the URL, which the grant must cover."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.agency = get_object_or_404(
                access.agencies_for(request.user, self.action), pk=kwargs["agency_pk"]
            )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(agency=self.agency, **kwargs)


class CsvExportMixin(ScopedMixin, MultipleObjectMixin, View):
    """A CSV download of the scoped list.

    `export_columns` is (header, value) pairs; a value is a dotted attribute path or a
    function of the row.
    """

    export_columns: list[tuple[str, str | Callable]] = []
    export_filename = "export.csv"

    def get(self, request, *args, **kwargs):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.export_filename}"'
        # A byte-order mark so spreadsheet programs read the Chinese text correctly.
        response.write("\ufeff")
        writer = csv.writer(response)
        writer.writerow([header for header, _ in self.export_columns])
        for row in self.get_queryset():
            writer.writerow(
                [
                    as_text_cell(v(row) if callable(v) else _resolve(row, v))
                    for _, v in self.export_columns
                ]
            )
        return response


def _resolve(obj, dotted: str):
    for part in dotted.split("."):
        obj = getattr(obj, part, "")
        if callable(obj):
            obj = obj()
        if obj is None:
            return ""
    return obj
