"""The staff API of 政民互动: messages of the user's agencies and their moves, through the same
workflow as the message page (`MESSAGE_WORKFLOW`)."""

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from gongkai.web import api_transitions
from gongkai.web.api_transitions import transition_serializer
from gongkai.web.viewsets import StaffScopedViewSet

from .models import Message
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
