"""Public pages of 政民互动: writing a message (also from the 找错 entrance of any page), its
receipt with the look-up code, and reading its state and reply by code and contact."""

import uuid

from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render

from gongkai.agencies.models import Agency
from gongkai.applications.limits import STATUS_LOOKUP
from gongkai.lib.errors import Refused
from gongkai.web import params
from gongkai.web.client import within_limit

from . import limits, services
from .channels import open_channels
from .forms import LookupForm, PublicMessageForm
from .models import ChannelKind, Message
from .pages import agency_of_page

RECEIPT_SESSION_KEY = "engagement_receipt"


def _initial(request) -> dict:
    """The one-time token, and what the 找错 entrance or a channel link carries."""
    initial = {"submission_token": uuid.uuid4().hex}
    page = request.GET.get("page", "")[:500]
    kind = request.GET.get("kind", "")
    if page:
        initial["page_url"] = page
        initial["page_excerpt"] = request.GET.get("excerpt", "")[:500]
        kind = kind or ChannelKind.ERROR_REPORT
    agency = agency_of_page(page) if page else None
    agency_id = params.object_id(request.GET, "agency")
    channels = open_channels().filter(kind=kind)
    if agency is not None:
        channels = channels.filter(agency=agency)
    elif agency_id is not None:
        channels = channels.filter(agency_id=agency_id)
    if kind in ChannelKind.values and (agency is not None or agency_id is not None):
        channel = channels.first()
        if channel is not None:
            initial["channel"] = channel.pk
    return initial


def write(request):
    status = 200
    if request.method == "POST":
        form = PublicMessageForm(request.POST, request.FILES)
        if form.is_valid():
            if not within_limit(request, limits.MESSAGE_POST):
                form.add_error(None, limits.MESSAGE_POST.message)
                status = 429
            else:
                try:
                    message = services.receive(
                        form.cleaned_data["channel"],
                        form.submission(),
                        submission_token=form.cleaned_data["submission_token"],
                    )
                except Refused as error:
                    field = error.field if error.field in form.fields else None
                    form.add_error(field, error.message)
                else:
                    request.session[RECEIPT_SESSION_KEY] = message.pk
                    return redirect("engage:receipt")
        status = status if status != 200 else 400
    else:
        form = PublicMessageForm(initial=_initial(request))
    return render(
        request,
        "engagement/public/write.html",
        {"form": form, "channel_kinds": ChannelKind.choices},
        status=status,
    )


def receipt(request):
    """The look-up code of the message just sent from this browser session."""
    pk = request.session.get(RECEIPT_SESSION_KEY)
    if pk is None:
        return redirect("engage:write")
    message = get_object_or_404(Message.objects.select_related("agency", "channel"), pk=pk)
    return render(request, "engagement/public/receipt.html", {"message": message})


REPLIES_PER_PAGE = 20


def replies(request):
    """Published replies, newest first; the search reads the public copies only."""
    rows = Message.objects.published().select_related("channel").order_by("-replied_on", "-id")
    q = request.GET.get("q", "").strip()[:100]
    if q:
        rows = rows.filter(
            Q(public_subject__icontains=q)
            | Q(public_text__icontains=q)
            | Q(public_reply__icontains=q)
        )
    agency_id = params.object_id(request.GET, "agency")
    if agency_id:
        rows = rows.filter(agency_id=agency_id)
    page_obj = Paginator(rows, REPLIES_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "page_obj": page_obj,
        "q": q,
        "agency_id": agency_id,
        "agencies": Agency.objects.active(),
    }
    return render(request, "engagement/public/replies.html", context)


def reply(request, pk: int):
    message = get_object_or_404(Message.objects.published().select_related("channel"), pk=pk)
    return render(request, "engagement/public/reply.html", {"message": message})


def lookup(request):
    form = LookupForm(request.POST or None)
    context: dict = {"form": form}
    status = 200
    if request.method == "POST" and form.is_valid():
        # Reading a message by its code shares the application status lookup's budget: both
        # guess at a code.
        if not within_limit(request, STATUS_LOOKUP):
            context["refused"] = STATUS_LOOKUP.message
            status = 429
        else:
            message = services.find_by_lookup(
                form.cleaned_data["lookup_code"], form.cleaned_data["contact"]
            )
            context["message"] = message
            context["not_found"] = message is None
    return render(request, "engagement/public/lookup.html", context, status=status)
