"""The workbench page where a 系统管理员 imports the State Council's holiday schedules."""

import calendar

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from gongkai.calendar.holiday_notice import parse_notice_text
from gongkai.calendar.holidays import (
    ParsedSchedule,
    ScheduleFileError,
    import_schedule,
    parse_schedule_text,
)
from gongkai.calendar.workdays import CalendarUnknown, DayKind, next_year_awaited, schedule_for
from gongkai.web import params
from gongkai.web.scoping import StaffMixin

MAX_SCHEDULE_BYTES = 256 * 1024


class ScheduleUploadForm(forms.Form):
    schedule = forms.FileField(
        label=_("节假日安排文件"),
        help_text=_(
            "YAML 或 JSON，一个文件一年，格式见部署文档《工作日日历与节假日安排导入》；"
            "导入后替换该年原有安排"
        ),
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
        shown = params.integer(
            self.request.GET.get("year"), minimum=2004, maximum=2100, default=this_year
        )
        years = [_year_row(year) for year in range(this_year - 1, this_year + 2)]
        return super().get_context_data(
            years=years,
            shown=_year_row(shown),
            next_year_missing=next_year_awaited(timezone.localdate()) is not None,
            **kwargs,
        )

    def form_valid(self, form):
        upload = form.cleaned_data["schedule"]
        return _imported(self.request, form.parsed, upload.name)


def _imported(request, parsed: ParsedSchedule, source_name: str):
    schedule = import_schedule(parsed, imported_by=request.user, source_name=source_name)
    messages.success(
        request,
        f"已导入{schedule}：放假 {parsed.count(DayKind.HOLIDAY)} 天，"
        f"调休上班 {parsed.count(DayKind.MAKEUP_WORKDAY)} 天；"
        "在办案件的期限已按新安排重新计算。",
    )
    return redirect(f"{reverse('workbench:calendar')}?year={parsed.year}")


class NoticeTextForm(forms.Form):
    text = forms.CharField(
        label=_("通知全文"),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_(
            "从国务院办公厅网站复制「国务院办公厅关于YYYY年部分节假日安排的通知」全文，"
            "连同标题和文号一起粘贴"
        ),
    )
    notice = forms.CharField(
        label=_("通知文号"),
        max_length=60,
        required=False,
        help_text=_("正文中没有文号时填写，例如 国办发明电〔2025〕7号"),
    )
    confirmed = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        if "text" in data:
            try:
                self.parsed = parse_notice_text(data["text"], data.get("notice", ""))
            except ScheduleFileError as error:
                raise forms.ValidationError(error.problems) from None
        return data


class HolidayNoticeView(StaffMixin, FormView):
    """Paste the notice's text; check the year shown as a calendar; then import it."""

    action = "calendar.change"
    form_class = NoticeTextForm
    template_name = "workbench/calendar_notice.html"

    def form_valid(self, form):
        if form.cleaned_data["confirmed"]:
            return _imported(self.request, form.parsed, "粘贴的通知全文")
        confirm = NoticeTextForm(initial=form.cleaned_data | {"confirmed": True})
        return self.render_to_response(
            self.get_context_data(
                form=confirm,
                parsed=form.parsed,
                months=year_calendar(form.parsed),
                holidays=form.parsed.count(DayKind.HOLIDAY),
                makeups=form.parsed.count(DayKind.MAKEUP_WORKDAY),
            )
        )


def year_calendar(parsed: ParsedSchedule) -> list[dict]:
    """The year as twelve month grids (weeks from Monday), each day with its kind, if any."""
    kinds = {day.date: day for day in parsed.days}
    months = []
    for month in range(1, 13):
        weeks = []
        for week in calendar.Calendar().monthdatescalendar(parsed.year, month):
            weeks.append(
                [
                    {
                        "day": day.day,
                        "kind": kinds[day].kind if day in kinds else "",
                        "name": kinds[day].name if day in kinds else "",
                        "weekend": day.weekday() >= 5,
                    }
                    if day.month == month
                    else None
                    for day in week
                ]
            )
        months.append({"month": month, "weeks": weeks})
    return months
