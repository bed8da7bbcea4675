"""Public pages of 意见征集: the list, a consultation with the comment form while it takes
comments, its 采纳情况 once published, and the uploaded draft."""

import uuid

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from gongkai.catalog.serving import file_response
from gongkai.lib.errors import Refused
from gongkai.web.client import within_limit

from . import consultations, limits
from .consultation_forms import CommentForm
from .consultation_models import Adoption, Consultation, ConsultationStatus

PER_PAGE = 20


def _published():
    return Consultation.objects.published().select_related("agency")


def consultation_list(request):
    rows = _published().with_counts().order_by("-opens_on", "-id")
    page_obj = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "engagement/public/consultations.html",
        {"page_obj": page_obj, "today": timezone.localdate()},
    )


def consultation(request, pk: int):
    """The draft, its explanation and dates, the number of comments, and the form while the
    consultation takes comments (one-time token, per-client limit, spam held for review)."""
    found = get_object_or_404(_published().with_counts().select_related("item"), pk=pk)
    today = timezone.localdate()
    open_now = found.taking_comments(today)
    status = 200
    form = None
    if open_now:
        if request.method == "POST":
            form = CommentForm(request.POST)
            if form.is_valid():
                if not within_limit(request, limits.COMMENT_POST):
                    form.add_error(None, limits.COMMENT_POST.message)
                    status = 429
                else:
                    try:
                        consultations.comment(
                            found,
                            form.submission(),
                            submission_token=form.cleaned_data["submission_token"],
                        )
                    except Refused as error:
                        field = error.field if error.field in form.fields else None
                        form.add_error(field, error.message)
                    else:
                        return redirect(request.path + "?sent=1")
            status = status if status != 200 else 400
        else:
            form = CommentForm(initial={"submission_token": uuid.uuid4().hex})
    elif request.method == "POST":
        status = 400
    context = {
        "consultation": found,
        "form": form,
        "phase": found.phase(today),
        "sent": request.GET.get("sent") == "1" and request.method == "GET",
        "refused_closed": request.method == "POST" and not open_now,
    }
    return render(request, "engagement/public/consultation.html", context, status=status)


def result(request, pk: int):
    """The published 采纳情况: the overall account and each line, masked."""
    found = get_object_or_404(
        _published().with_counts().filter(status=ConsultationStatus.CONCLUDED), pk=pk
    )
    adoptions = Adoption.objects.filter(consultation=found).prefetch_related("comments")
    return render(
        request,
        "engagement/public/consultation_result.html",
        {"consultation": found, "adoptions": adoptions},
    )


def draft(request, pk: int):
    found = get_object_or_404(_published(), pk=pk)
    if not found.draft:
        raise Http404("没有草案文件")
    return file_response(
        found.draft.open("rb"),
        kind=found.draft_kind,
        filename=found.draft_name or "草案",
        inline=True,
    )
