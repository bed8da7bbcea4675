"""The workbench page where a 系统管理员 imports the State Council's holiday schedules."""

from datetime import date

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from gongkai.core.holidays import ScheduleFileError, import_schedule, parse_schedule_text
from gongkai.core.workdays import CalendarUnknown, DayKind, schedule_for

from .scoping import StaffMixin

MAX_SCHEDULE_BYTES = 256 * 1024


class ScheduleUploadForm(forms.Form):
    schedule = forms.FileField(
        label=_("节假日安排文件"),
        help_text=_("YAML 或 JSON，一个文件一年，格式见 docs/calendar.md；导入后替换该年原有安排"),
    )

    def clean_schedule(self):
        upload = self.cleaned_data["schedule"]
        if upload.size > MAX_SCHEDULE_BYTES:
            raise forms.ValidationError(_("文件过大：节假日安排文件不应超过 256 KB"))
        try:
            text = upload.read().decode("utf-8")
        except UnicodeDecodeError:
            raise forms.ValidationError(_("文件不是 UTF-8 编码的文本")) from None
        try:
            self.parsed = parse_schedule_text(
                text, json_format=upload.name.lower().endswith(".json")
            )
        except ScheduleFileError as error:
            raise forms.ValidationError(error.problems) from None
        return upload


def _year_row(year: int) -> dict:
    try:
        schedule = schedule_for(year)
    except CalendarUnknown as missing:
        return {"year": year, "known": False, "message": str(missing)}
    return {
        "year": year,
        "known": True,
        "source": schedule.source,
        "provisional": schedule.provisional,
        "note": schedule.provisional_note(),
        "notice": schedule.notice,
        "holidays": sum(day.kind == DayKind.HOLIDAY for day in schedule.days),
        "makeup": sum(day.kind == DayKind.MAKEUP_WORKDAY for day in schedule.days),
        "days": [
            {"date": day.date, "label": DayKind(day.kind).label, "name": day.name}
            for day in schedule.days
        ],
    }


class HolidayCalendarView(StaffMixin, FormView):
    action = "calendar.change"
    form_class = ScheduleUploadForm
    template_name = "workbench/calendar.html"

    def get_context_data(self, **kwargs):
        this_year = timezone.localdate().year
        shown = self.request.GET.get("year", "")
        shown = int(shown) if shown.isdigit() and 2004 <= int(shown) <= 2100 else this_year
        years = [_year_row(year) for year in range(this_year - 1, this_year + 2)]
        return super().get_context_data(
            years=years,
            shown=_year_row(shown),
            next_year_missing=not (years[-1]["known"] and not years[-1]["provisional"])
            and timezone.localdate() >= date(this_year, 11, 1),
            **kwargs,
        )

    def form_valid(self, form):
        upload = form.cleaned_data["schedule"]
        schedule = import_schedule(
            form.parsed, imported_by=self.request.user, source_name=upload.name
        )
        messages.success(
            self.request,
            f"已导入{schedule}：放假 {form.parsed.count(DayKind.HOLIDAY)} 天，"
            f"调休上班 {form.parsed.count(DayKind.MAKEUP_WORKDAY)} 天；"
            "在办案件的期限已按新安排重新计算。",
        )
        return redirect(f"{self.request.path}?year={form.parsed.year}")
