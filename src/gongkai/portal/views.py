"""The public portal: what anyone may read without logging in."""

from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, render

from gongkai.agencies.models import Agency
from gongkai.catalog.serving import file_response
from gongkai.newmedia.models import NewMediaAccount
from gongkai.profiles.models import LeaderEntry, ProfileStatus
from gongkai.profiles.public import public_profile
from gongkai.web import params

from . import site_description


def _public_agencies():
    return Agency.objects.active()


def home(request):
    agencies = list(_public_agencies().only("id", "name", "short_name", "kind", "parent", "path"))
    governments = [a for a in agencies if a.kind == "government"]
    return render(
        request,
        "portal/home.html",
        {"governments": governments, "agencies": agencies, "agency_total": len(agencies)},
    )


def agency_directory(request):
    return render(request, "portal/agency_list.html", {"agencies": _public_agencies()})


def agency_detail(request, pk: int):
    agency = get_object_or_404(_public_agencies().prefetch_related("reading_rooms"), pk=pk)
    return render(
        request,
        "portal/agency_detail.html",
        {
            "agency": agency,
            "children": _public_agencies().filter(parent=agency),
            "profile": public_profile(agency),
        },
    )


def new_media(request):
    """Every agency's 政务新媒体 accounts in use, or one agency's (`?agency=`)."""
    accounts = NewMediaAccount.objects.filter(is_active=True, agency__is_active=True)
    agency = None
    if agency_id := params.object_id(request.GET, "agency"):
        agency = get_object_or_404(_public_agencies(), pk=agency_id)
        accounts = accounts.filter(agency=agency)
    accounts = accounts.select_related("agency").order_by("agency__path", "platform", "name")
    return render(request, "portal/new_media.html", {"accounts": accounts, "agency": agency})


def leader_photo(request, agency_pk: int, pk: int):
    """The photo of a leader the agency's published 机构概况 lists now."""
    entry = get_object_or_404(
        LeaderEntry.objects.select_related("leader"),
        pk=pk,
        version__agency_id=agency_pk,
        version__agency__is_active=True,
        version__status=ProfileStatus.PUBLISHED,
        left_on__isnull=True,
    )
    if not entry.photo:
        raise Http404("该领导没有照片")
    return file_response(
        entry.photo.open("rb"),
        kind=entry.photo_kind,
        filename=f"{entry.leader.name}.{entry.photo_kind}",
        inline=True,
    )


def site_json(request):
    """The site's identity, its agencies' contacts and leaders, for monitors (`/site.json`)."""
    return JsonResponse(
        site_description.describe(request.build_absolute_uri),
        json_dumps_params={"ensure_ascii": False, "indent": 2},
        content_type="application/json; charset=utf-8",
    )
