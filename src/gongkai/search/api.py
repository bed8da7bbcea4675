"""The public search endpoint: the portal's search as JSON, same service and same rules."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.response import Response

from gongkai.web.permissions import PublicReadOnly

from . import services
from .documents import DISCLOSURE_LABELS, KIND_LABELS
from .forms import SearchForm


class SearchResultSerializer(serializers.Serializer):
    key = serializers.CharField()
    kind = serializers.CharField(help_text="类型：item 政府信息、report 年度报告、guide 公开指南")
    kind_label = serializers.CharField()
    index_number = serializers.CharField()
    title = serializers.CharField()
    doc_number = serializers.CharField()
    agency_id = serializers.IntegerField()
    agency_name = serializers.CharField()
    date = serializers.DateField(allow_null=True)
    topic = serializers.CharField()
    genre = serializers.CharField()
    validity = serializers.CharField()
    url = serializers.CharField()
    score = serializers.FloatField()
    title_html = serializers.CharField(help_text="标题，检索词以 <mark> 标出")
    snippet = serializers.CharField(help_text="摘要片段（纯文本）")
    snippet_html = serializers.CharField(help_text="摘要片段，检索词以 <mark> 标出")


class FacetBucketSerializer(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField()


class SearchPageSerializer(serializers.Serializer):
    query = serializers.CharField()
    total = serializers.IntegerField()
    total_approximate = serializers.BooleanField(
        help_text="为真时 total 和分面计数是按样本估算的约数（结果很多时）"
    )
    relaxed = serializers.BooleanField(
        help_text="为真时没有结果完整包含检索词，列出的是包含其中部分词语的结果（notices 中有说明）"
    )
    page = serializers.IntegerField()
    num_pages = serializers.IntegerField()
    results = SearchResultSerializer(many=True)
    facets = serializers.DictField(child=FacetBucketSerializer(many=True))
    suggestion = serializers.CharField(help_text="「您是不是要找」的建议检索词，可为空")
    notices = serializers.ListField(child=serializers.CharField())
    took_ms = serializers.FloatField()


def page_data(page: services.SearchPage, notices: list[str]) -> dict:
    """A search page as plain data (the API's and the command's JSON)."""
    return {
        "query": page.query.raw,
        "total": page.total,
        "total_approximate": page.approximate,
        "relaxed": page.relaxed,
        "page": page.page,
        "num_pages": page.num_pages,
        "results": [
            {
                "key": r.hit.key,
                "kind": r.hit.kind,
                "kind_label": r.kind_label,
                "index_number": r.hit.index_number,
                "title": r.hit.title,
                "doc_number": r.hit.doc_number,
                "agency_id": r.hit.agency_id,
                "agency_name": r.hit.agency_name,
                "date": r.hit.date.isoformat() if r.hit.date else None,
                "topic": r.hit.topic,
                "genre": r.hit.genre,
                "validity": r.hit.validity,
                "url": r.hit.url,
                "score": round(r.hit.score, 4),
                "title_html": str(r.title_html),
                "snippet": r.snippet_text,
                "snippet_html": str(r.snippet_html),
            }
            for r in page.results
        ],
        "facets": {
            name: [{"value": v, "label": label, "count": n} for v, label, n in buckets]
            for name, buckets in page.facets.items()
        },
        "suggestion": page.suggestion,
        "notices": notices + page.notices,
        "took_ms": round(page.took_ms, 2),
    }


_PARAMETERS = [
    OpenApiParameter("q", str, description='检索词：空格分隔的词须同时出现；"词组"；-排除；OR'),
    OpenApiParameter("agency", int, description="机关 id，含下级机关"),
    OpenApiParameter("topic", str, description="主题分类"),
    OpenApiParameter("genre", str, description="体裁"),
    OpenApiParameter("year", int, description="年份"),
    OpenApiParameter("date_from", str, description="起始日期 YYYY-MM-DD"),
    OpenApiParameter("date_to", str, description="截止日期 YYYY-MM-DD"),
    OpenApiParameter("validity", str, enum=["valid", "expired", "repealed"]),
    OpenApiParameter("disclosure", str, enum=list(DISCLOSURE_LABELS)),
    OpenApiParameter("kind", str, enum=list(KIND_LABELS), description="类型"),
    OpenApiParameter("sort", str, enum=list(services.SORTS)),
    OpenApiParameter("page", int),
    OpenApiParameter("page_size", int, description=f"1–{services.MAX_PAGE_SIZE}"),
]


class PublicSearchViewSet(viewsets.ViewSet):
    """检索已公开的政府信息。无效参数被忽略并在 notices 中说明，不会报错。"""

    permission_classes = [PublicReadOnly]
    authentication_classes: list = []
    schema_subject = "全文检索"
    answers_one_object = True

    @extend_schema(
        summary="检索已公开的政府信息",
        parameters=_PARAMETERS,
        # 503: the index is being rebuilt for the first time or is unreadable; the page says so.
        responses={200: SearchPageSerializer, 503: SearchPageSerializer},
    )
    def list(self, request):
        params = {k: v for k, v in request.query_params.items() if k in SearchForm.base_fields}
        params.pop("drafts", None)
        search_request, notices = SearchForm(params).search_request()
        page = services.search(search_request)
        return Response(page_data(page, notices), status=503 if page.unavailable else 200)
