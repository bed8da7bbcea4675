"""JSON API of the catalog: the public read-only list of published items. The staff endpoints,
which register and edit items and carry out the review gate's transitions, are the review
area's (`review/item_api.py`)."""

from django.urls import reverse
from django_filters import rest_framework as filters
from rest_framework import serializers, viewsets

from gongkai.web.params import IntegerFilter
from gongkai.web.permissions import PublicReadOnly

from .models import (
    Attachment,
    InfoItem,
)


class PublicAttachmentSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()

    class Meta:
        model = Attachment
        fields = ["title", "name", "kind", "size", "sha256", "url"]

    def get_url(self, obj) -> str:
        return reverse("disclosure:attachment", args=[obj.pk])


class PublicItemSerializer(serializers.ModelSerializer):
    """An item as the portal shows it: the metadata box of its published version."""

    agency_name = serializers.CharField(source="agency.name")
    version = serializers.IntegerField(source="published_version.number")
    title = serializers.CharField(source="published_version.title")
    publisher = serializers.CharField(source="published_version.publisher")
    doc_no = serializers.CharField(source="published_version.doc_no")
    written_on = serializers.DateField(source="published_version.written_on", allow_null=True)
    topic = serializers.StringRelatedField(source="published_version.topic", allow_null=True)
    genre = serializers.StringRelatedField(source="published_version.genre", allow_null=True)
    art20_item = serializers.IntegerField(source="published_version.art20_item", allow_null=True)
    keywords = serializers.CharField(source="published_version.keywords")
    summary = serializers.CharField(source="published_version.summary")
    validity = serializers.CharField(source="published_version.validity")
    effective_on = serializers.DateField(source="published_version.effective_on", allow_null=True)
    expires_on = serializers.DateField(source="published_version.expires_on", allow_null=True)
    change_note = serializers.CharField(source="published_version.change_note")
    interpretation_url = serializers.CharField(source="published_version.interpretation_url")
    body = serializers.CharField(source="published_version.body")
    attachments = PublicAttachmentSerializer(
        source="published_version.attachments", many=True, read_only=True
    )
    url = serializers.SerializerMethodField()

    class Meta:
        model = InfoItem
        fields = [
            "id",
            "index_no",
            "agency",
            "agency_name",
            "version",
            "title",
            "publisher",
            "doc_no",
            "written_on",
            "first_published_at",
            "published_at",
            "topic",
            "genre",
            "art20_item",
            "keywords",
            "summary",
            "validity",
            "effective_on",
            "expires_on",
            "change_note",
            "interpretation_url",
            "body",
            "attachments",
            "url",
        ]

    def get_url(self, obj) -> str:
        return reverse("disclosure:item", args=[obj.pk])


class PublicItemFilter(filters.FilterSet):
    year = IntegerFilter(
        field_name="published_at", lookup_expr="year", label="发布年份", minimum=1, maximum=9999
    )
    topic = IntegerFilter(field_name="published_version__topic", label="主题分类", minimum=1)
    genre = IntegerFilter(field_name="published_version__genre", label="体裁分类", minimum=1)
    published_since = filters.IsoDateTimeFilter(
        field_name="published_at", lookup_expr="gte", label="发布时间不早于"
    )

    class Meta:
        model = InfoItem
        fields = ["agency"]


class PublicItemViewSet(viewsets.ReadOnlyModelViewSet):
    """Published government information, newest first."""

    permission_classes = [PublicReadOnly]
    authentication_classes: list = []
    serializer_class = PublicItemSerializer
    filterset_class = PublicItemFilter
    queryset = (
        InfoItem.objects.public()
        .select_related("agency", "published_version__topic__parent", "published_version__genre")
        .prefetch_related("published_version__attachments")
        .order_by("-published_at", "-pk")
    )
