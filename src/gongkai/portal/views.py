"""The public portal: what anyone may read without logging in."""

from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render

from gongkai.agencies.models import Agency

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
        {"agency": agency, "children": _public_agencies().filter(parent=agency)},
    )


def site_json(request):
    """The site's identity, its agencies' contacts and leaders, for monitors (`/site.json`)."""
    return JsonResponse(
        site_description.describe(request.build_absolute_uri),
        json_dumps_params={"ensure_ascii": False, "indent": 2},
        content_type="application/json; charset=utf-8",
    )
