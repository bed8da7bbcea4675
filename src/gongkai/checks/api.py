"""JSON API of the pre-publication checks: findings for a document or text, and its masked text."""

from django.conf import settings
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from gongkai.web.parsers import JSONBodyParser
from gongkai.web.viewsets import StaffScopedViewSet

from .extract import ExtractionError, extract_bytes, suffix_of
from .masking import mask_text
from .services import check_text


class CheckRequestSerializer(serializers.Serializer):
    document = serializers.FileField(required=False, help_text="要检查的文件")
    text = serializers.CharField(required=False, allow_blank=True, help_text="或直接给出文字")
    mask = serializers.BooleanField(default=False, help_text="同时返回脱敏后的文字")

    def validate(self, attrs):
        upload, text = attrs.get("document"), (attrs.get("text") or "").strip()
        if not upload and not text:
            raise serializers.ValidationError("请提供 document 文件或 text 文字")
        if upload:
            if upload.size > settings.GONGKAI_CHECK_UPLOAD_MAX_BYTES:
                raise serializers.ValidationError("文件超过在线检查的大小上限")
            name = upload.name or ""
            try:
                attrs["extracted"] = extract_bytes(upload.read(), suffix_of(name))
            except ExtractionError as exc:
                raise serializers.ValidationError(str(exc)) from exc
            attrs["file"] = name
        else:
            attrs["extracted"], attrs["file"] = text, "-"
        return attrs


class FindingSerializer(serializers.Serializer):
    kind = serializers.CharField()
    severity = serializers.ChoiceField(choices=["block", "warn", "info"])
    start = serializers.IntegerField()
    end = serializers.IntegerField()
    text = serializers.CharField()
    message = serializers.CharField()
    suggestion = serializers.CharField()


class CheckResultSerializer(serializers.Serializer):
    file = serializers.CharField()
    findings = FindingSerializer(many=True)
    masked_text = serializers.CharField(required=False)


# Checks store nothing: the request's text is checked and forgotten.
class CheckViewSet(StaffScopedViewSet):
    view_action = "checks.use"
    parser_classes = [MultiPartParser, FormParser, JSONBodyParser]
    serializer_class = CheckRequestSerializer
    schema_subject = "发布前检查"

    @extend_schema(
        summary="检查一段文字或一个文件（不保存）",
        request=CheckRequestSerializer,
        responses=CheckResultSerializer,
    )
    def create(self, request, *args, **kwargs):
        serializer = CheckRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        findings = check_text(data["extracted"])
        result = {"file": data["file"], "findings": [f.as_dict() for f in findings]}
        if data["mask"]:
            result["masked_text"] = mask_text(data["extracted"], findings)
        return Response(result)
