"""The portal's 政策解读 column: an agency's published interpretations, newest first, each with
its form and the published documents it interprets."""

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from gongkai.agencies.models import Agency
from gongkai.catalog.models import InfoItem

from .models import Interpretation

PAGE_SIZE = 20


def published_interpretations():
    """Interpretations whose item the portal shows, with their public documents."""
    return (
        Interpretation.objects.filter(item__in=InfoItem.objects.public())
        .select_related("item__published_version", "author_unit")
        .prefetch_related(
            Prefetch(
                "documents",
                queryset=InfoItem.objects.public().select_related("published_version"),
                to_attr="public_documents",
            )
        )
        .order_by("-item__published_at", "-pk")
    )


def agency_column(request, pk: int):
    agency = get_object_or_404(Agency.objects.active(), pk=pk)
    page = Paginator(published_interpretations().filter(agency=agency), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "interpretations/public/agency.html",
        {"agency": agency, "page_obj": page, "column": "interpretations"},
    )
