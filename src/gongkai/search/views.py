"""The portal's search page (检索): one form, results with facets, filters and paging."""

from urllib.parse import urlencode

from django.shortcuts import render

from . import services
from .documents import DISCLOSURE_LABELS, VALIDITY_LABELS
from .forms import SearchForm

FACET_TITLES = {
    "kind": "类型",
    "agency": "发布机关",
    "topic": "主题分类",
    "genre": "体裁",
    "year": "年份",
}


def _link(params: dict[str, str], **changes) -> str:
    merged = {k: v for k, v in (params | changes).items() if v not in (None, "")}
    return "?" + urlencode(merged)


def search(request):
    params = {k: v for k, v in request.GET.items() if k in SearchForm.base_fields}
    form = SearchForm(params)
    search_request, notices = form.search_request()
    user = request.user if request.user.is_authenticated else None
    page = services.search(search_request, user)
    facets = [
        {
            "name": name,
            "title": FACET_TITLES[name],
            "active": params.get(name, ""),
            "buckets": [
                {
                    "label": label,
                    "count": count,
                    "selected": params.get(name) == value,
                    "url": _link(params, **{name: value, "page": ""}),
                }
                for value, label, count in page.facets.get(name, [])
            ],
            "clear_url": _link(params, **{name: "", "page": ""}),
        }
        for name in services.FACETS
    ]
    context = {
        "form": form,
        "page": page,
        "notices": notices + page.notices,
        "facets": facets,
        "sorts": [
            {
                "label": label,
                "url": _link(params, sort=key, page=""),
                "current": key == page.request.sort,
            }
            for key, label in services.SORTS.items()
        ],
        "first_number": (page.page - 1) * page.request.page_size + 1,
        "previous_url": _link(params, page=page.page - 1) if page.has_previous else "",
        "next_url": _link(params, page=page.page + 1) if page.has_next else "",
        "suggestion_url": _link(params, q=page.suggestion, page="") if page.suggestion else "",
        "validity_labels": VALIDITY_LABELS,
        "disclosure_labels": DISCLOSURE_LABELS,
        "can_include_drafts": user is not None,
    }
    # 503: the index cannot answer now (the log says why), which a retry later may fix.
    return render(request, "search/results.html", context, status=503 if page.unavailable else 200)
