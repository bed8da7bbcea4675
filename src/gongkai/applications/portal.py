"""Public pages of 依申请公开: the application form, its receipt, the status lookup and the
working-day deadline calculator. No applicant's data is ever shown here."""

import uuid
from urllib.parse import quote

from django.core import signing
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from gongkai.agencies.models import Agency
from gongkai.calendar.workdays import (
    CalendarUnknown,
    add_workdays,
    provisional_note,
    provisional_year,
)
from gongkai.catalog.serving import file_response
from gongkai.core.actor import Actor, acting_as
from gongkai.core.audit import record_transition
from gongkai.lib.errors import Refused
from gongkai.web import params
from gongkai.web.client import within_limit
from gongkai.web.transitions import show_refusal

from . import forms, limits, paper_form, reply_files, services
from .models import Application

RECEIPT_SESSION_KEY = "applications_receipt"


def apply(request):
    if request.method == "POST":
        form = forms.PublicApplicationForm(request.POST)
        if form.is_valid() and not within_limit(request, limits.PUBLIC_APPLICATION):
            context = {"form": form, "agencies": Agency.objects.active()}
            context["refused"] = limits.PUBLIC_APPLICATION.message
            return render(request, "applications/public/apply.html", context, status=429)
        if form.is_valid():
            try:
                case = services.register(
                    form.cleaned_data["agency"],
                    form.intake(),
                    submission_token=form.cleaned_data["submission_token"],
                )
            except Refused as error:
                show_refusal(form, error)
            else:
                request.session[RECEIPT_SESSION_KEY] = case.pk
                return redirect("apply:receipt")
        status = 400
    else:
        initial = {"submission_token": uuid.uuid4().hex}
        if agency := params.object_id(request.GET, "agency"):
            initial["agency"] = agency
        form = forms.PublicApplicationForm(initial=initial)
        status = 200
    context = {"form": form, "agencies": Agency.objects.active()}
    return render(request, "applications/public/apply.html", context, status=status)


PAPER_FORM_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def paper(request, agency_pk: int, file_format: str):
    """An agency's paper application form, for those who apply in person or by post."""
    agency = get_object_or_404(Agency.objects.active(), pk=agency_pk)
    render_file = paper_form.to_pdf if file_format == "pdf" else paper_form.to_docx
    try:
        data = render_file(agency)
    except paper_form.PaperFormError as error:
        return HttpResponse(str(error), status=503, content_type="text/plain; charset=utf-8")
    response = HttpResponse(data, content_type=PAPER_FORM_TYPES[file_format])
    filename = f"{agency.name}{paper_form.TITLE}.{file_format}"
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    return response


def receipt(request):
    """The receipt (回执) of the application just submitted from this browser session."""
    pk = request.session.get(RECEIPT_SESSION_KEY)
    if pk is None:
        return redirect("apply:form")
    case = get_object_or_404(Application.objects.select_related("agency"), pk=pk)
    return render(request, "applications/public/receipt.html", {"case": case})


def status(request):
    form = forms.StatusLookupForm(request.POST or None)
    context = {"form": form}
    code = 200
    if request.method == "POST" and form.is_valid():
        if not within_limit(request, limits.STATUS_LOOKUP):
            context["refused"] = limits.STATUS_LOOKUP.message
            code = 429
        else:
            case = services.find_by_tracking(
                form.cleaned_data["tracking_code"], form.cleaned_data["phone"]
            )
            context["case"] = case
            context["not_found"] = case is None
            if case is not None:
                context["replies"] = [
                    (letter, signing.dumps([case.pk, letter.pk], salt=REPLY_LINK_SALT))
                    for letter in services.online_replies(case)
                ]
                context["reply_files"] = [
                    (reply, signing.dumps([case.pk, reply.pk], salt=REPLY_FILE_SALT))
                    for reply in reply_files.online_files(case)
                ]
    return render(request, "applications/public/status.html", context, status=code)


# A download link is made only for whoever just gave the tracking code and the phone number,
# and lasts long enough to click it, not to pass it around.
REPLY_LINK_SALT = "gongkai.applications.online-reply"
REPLY_LINK_SECONDS = 30 * 60
REPLY_FILE_SALT = "gongkai.applications.online-reply-file"


def reply_download(request, token: str):
    """The reply letter of a 网上获取 case, by a signed link from the status page; audited."""
    try:
        case_pk, letter_pk = signing.loads(token, salt=REPLY_LINK_SALT, max_age=REPLY_LINK_SECONDS)
    except signing.BadSignature:
        raise Http404("下载链接无效或已过期，请重新查询办理进度后下载。") from None
    case = get_object_or_404(Application, pk=case_pk)
    letter = next((x for x in services.online_replies(case) if x.pk == letter_pk), None)
    if letter is None:
        raise Http404("该文书不能在网上获取。")
    with acting_as(Actor(None, f"申请人{case.applicant_name}（凭查询码和联系电话）")):
        record_transition(case, "online_download", letter=letter.number)
    return FileResponse(
        letter.pdf.open("rb"),
        as_attachment=True,
        filename=f"{letter.get_kind_display()}{letter.number}.pdf",
        content_type="application/pdf",
    )


def reply_file_download(request, token: str):
    """A file given with the reply of a 网上获取 case, by a signed link from the status page
    lasting as long as the reply letter's; audited."""
    try:
        case_pk, reply_pk = signing.loads(token, salt=REPLY_FILE_SALT, max_age=REPLY_LINK_SECONDS)
    except signing.BadSignature:
        raise Http404("下载链接无效或已过期，请重新查询办理进度后下载。") from None
    case = get_object_or_404(Application, pk=case_pk)
    reply = next((x for x in reply_files.online_files(case) if x.pk == reply_pk), None)
    if reply is None or not reply.file:
        raise Http404("该材料不能在网上获取。")
    with acting_as(Actor(None, f"申请人{case.applicant_name}（凭查询码和联系电话）")):
        record_transition(case, "online_download", reply_file=reply.title)
    return file_response(
        reply.file.open("rb"), kind=reply.kind, filename=f"{reply.title}.{reply.kind}"
    )


def deadline(request):
    """Public working-day calculator: the n-th working day after a date."""
    form = forms.DeadlineCalculatorForm(request.GET or None)
    context = {"form": form}
    if request.GET and form.is_valid():
        start, n = form.cleaned_data["start"], form.cleaned_data["workdays"]
        try:
            context["result"] = result = add_workdays(start, n)
            year = provisional_year(start, result)
            context["provisional"] = provisional_note(year) if year else ""
        except CalendarUnknown as unknown:
            context["unknown"] = f"期限待定：{unknown.year}年节假日安排未导入"
    return render(request, "applications/public/deadline.html", context)
