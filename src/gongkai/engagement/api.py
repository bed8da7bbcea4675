"""The staff API of 政民互动: messages of the user's agencies and their moves, through the same
workflow as the message page (`MESSAGE_WORKFLOW`)."""

from datetime import date

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from gongkai.agencies import access
from gongkai.web import api_transitions, params
from gongkai.web.api_transitions import transition_serializer
from gongkai.web.viewsets import StaffScopedViewSet

from . import open311, oversight
from .models import ChannelKind, Consultation, Message
from .workflow import MESSAGE_WORKFLOW


class MessageSerializer(serializers.ModelSerializer):
    agency_name = serializers.CharField(source="agency.name", read_only=True)
    channel_kind = serializers.CharField(source="channel.kind", read_only=True)
    status_display = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = Message
        fields = [
            "id",
            "agency",
            "agency_name",
            "channel",
            "channel_kind",
            "source",
            "status",
            "status_display",
            "subject",
            "text",
            "writer_name",
            "anonymous",
            "phone",
            "email",
            "page_url",
            "page_excerpt",
            "publish_consent",
            "held_reason",
            "refusal_reason",
            "received_on",
            "created_at",
        ]
        read_only_fields = fields


MessageTransitionSerializer = transition_serializer(
    "MessageTransitionSerializer",
    MESSAGE_WORKFLOW,
    "transition",
    "该操作表单的字段，与工作台相同：如 refuse 的 reason",
)


class Open311RequestSerializer(serializers.Serializer):
    """One message in the Open311 GeoReport v2 request shape, plus this platform's fields."""

    service_request_id = serializers.CharField()
    status = serializers.ChoiceField(choices=["open", "closed"])
    status_notes = serializers.CharField()
    service_code = serializers.CharField()
    service_name = serializers.CharField()
    description = serializers.CharField(help_text="公开的留言内容（已隐去个人信息），未公开时为空")
    agency_responsible = serializers.CharField()
    requested_datetime = serializers.DateTimeField()
    updated_datetime = serializers.DateTimeField(allow_null=True)
    expected_datetime = serializers.DateTimeField(allow_null=True)
    agency_code = serializers.CharField()
    gongkai_status = serializers.CharField()
    source = serializers.CharField()
    received_on = serializers.DateField()
    replied_on = serializers.DateField(allow_null=True)
    due_on = serializers.DateField(allow_null=True)
    overdue = serializers.BooleanField()
    published = serializers.BooleanField()
    public_reply = serializers.CharField()


class StatisticsRowSerializer(serializers.Serializer):
    agency = serializers.CharField()
    agency_id = serializers.IntegerField()
    channel = serializers.CharField()
    received = serializers.IntegerField()
    answered = serializers.IntegerField()
    on_time = serializers.IntegerField()
    average_workdays_to_reply = serializers.FloatField(allow_null=True)
    published = serializers.IntegerField()


class ConsultationStatisticsRowSerializer(serializers.Serializer):
    agency = serializers.CharField()
    agency_id = serializers.IntegerField()
    consultations = serializers.IntegerField(help_text="意见征集期数（当年开始征集）")
    comments = serializers.IntegerField(help_text="收到的意见数（待审核和有效意见）")
    results_published = serializers.IntegerField(help_text="已公布采纳情况的期数")


class StatisticsSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    rows = StatisticsRowSerializer(many=True)
    consultations = ConsultationStatisticsRowSerializer(many=True)


def _year(raw: str, today: date) -> int:
    return params.integer(raw, minimum=2019, maximum=today.year + 1, default=today.year)


class MessageViewSet(StaffScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    """Messages (咨询、意见建议、投诉举报、网民找错、领导信箱) of the user's agencies."""

    queryset = Message.objects.select_related("agency", "channel")
    serializer_class = MessageSerializer
    view_action, change_action = "message.view", "message.handle"
    filterset_fields = ["agency", "status", "source"]

    def scope_action(self) -> str:
        # Each move checks its own right; reading the list of moves needs only to see it.
        if getattr(self, "action", None) == "transitions":
            return self.view_action
        return super().scope_action()

    @extend_schema(
        summary="按 Open311 GeoReport v2 格式导出留言",
        responses=Open311RequestSerializer(many=True),
    )
    @action(detail=False, methods=["get"])
    def open311(self, request, format=None):
        """The messages the user may read (not those held as spam), in the Open311 GeoReport
        v2 request shape with this platform's own fields."""
        rows = self.filter_queryset(self.get_queryset()).exclude(status="held").order_by("id")
        page = self.paginate_queryset(rows)
        today = timezone.localdate()
        data = [open311.request(message, today) for message in page]
        return self.get_paginated_response(data)

    @extend_schema(
        summary="留言办理统计",
        parameters=[OpenApiParameter("year", int, description="统计年度，默认今年")],
        responses=StatisticsSerializer,
    )
    @action(detail=False, methods=["get"])
    def statistics(self, request, format=None):
        """Received, answered, on time, average working days to reply and published replies per
        agency and channel for a year, and per agency the 意见征集 opened that year, their
        comments and the results published; a 主管部门 reads its subordinate agencies too."""
        today = timezone.localdate()
        year = _year(request.query_params.get("year", ""), today)
        counters = oversight.statistics(self.get_queryset(), date(year, 1, 1), date(year, 12, 31))
        rows = [
            {
                "agency": agency.name,
                "agency_id": agency.pk,
                "channel": str(ChannelKind(kind).label),
                **row.as_dict(),
            }
            for (agency, kind), row in counters.items()
        ]
        consultations = access.scope(Consultation.objects.all(), request.user, "consultation.view")
        by_agency = oversight.consultation_statistics(
            consultations, date(year, 1, 1), date(year, 12, 31)
        )
        consultation_rows = [
            {"agency": agency.name, "agency_id": agency.pk, **row.as_dict()}
            for agency, row in by_agency.items()
        ]
        return Response({"year": year, "rows": rows, "consultations": consultation_rows})

    @extend_schema(request=MessageTransitionSerializer, responses=MessageSerializer)
    @action(detail=True, methods=["get", "post"])
    def transitions(self, request, pk=None, format=None):
        """GET: the message and the moves open to the user now; POST: carry one out."""
        message = self.get_object()
        if api_transitions.handle(
            MESSAGE_WORKFLOW, message, request, MessageTransitionSerializer, "transition"
        ):
            message = self.get_queryset().get(pk=message.pk)
        listed = api_transitions.available(MESSAGE_WORKFLOW, message, request.user, "transition")
        return Response(MessageSerializer(message).data | {"transitions": listed})
