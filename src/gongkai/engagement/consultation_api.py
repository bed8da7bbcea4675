"""The API of 意见征集: staff read their agencies' consultations and comments and move them
through the same workflows as the workbench; the public reads the published consultations and,
once published, their 采纳情况."""

from django.db.models import Prefetch
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from gongkai.web import api_transitions
from gongkai.web.api_transitions import transition_serializer
from gongkai.web.permissions import PublicReadOnly
from gongkai.web.viewsets import StaffScopedViewSet

from .consultation_models import Adoption, Consultation, ConsultationComment, ConsultationStatus
from .consultation_workflow import COMMENT_WORKFLOW, CONSULTATION_WORKFLOW


class AdoptionSerializer(serializers.ModelSerializer):
    decision_display = serializers.CharField(source="get_decision_display", read_only=True)
    comments = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = Adoption
        fields = ["id", "summary", "decision", "decision_display", "reason", "comments"]
        read_only_fields = fields


class ConsultationSerializer(serializers.ModelSerializer):
    agency_name = serializers.CharField(source="agency.name", read_only=True)
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    comment_count = serializers.IntegerField(read_only=True)
    adoptions = AdoptionSerializer(many=True, read_only=True)

    class Meta:
        model = Consultation
        fields = [
            "id",
            "agency",
            "agency_name",
            "title",
            "explanation",
            "item",
            "draft_name",
            "major_decision",
            "opens_on",
            "closes_on",
            "status",
            "status_display",
            "published_on",
            "closed_on",
            "comment_count",
            "result_text",
            "result_published_on",
            "adoptions",
        ]
        read_only_fields = fields


class CommentSerializer(serializers.ModelSerializer):
    status_display = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = ConsultationComment
        fields = [
            "id",
            "consultation",
            "status",
            "status_display",
            "writer_name",
            "phone",
            "email",
            "text",
            "held_reason",
            "rejection_reason",
            "received_at",
        ]
        read_only_fields = fields


ConsultationTransitionSerializer = transition_serializer(
    "ConsultationTransitionSerializer",
    CONSULTATION_WORKFLOW,
    "transition",
    "该操作表单的字段，与工作台相同：如 publish_result 的 text，"
    "record_adoption 的 comments（意见编号列表）、summary、decision、reason",
)
CommentTransitionSerializer = transition_serializer(
    "CommentTransitionSerializer",
    COMMENT_WORKFLOW,
    "transition",
    "该操作表单的字段，与工作台相同：如 reject 的 reason",
)


class _TransitionsScope:
    def scope_action(self) -> str:
        # Each move checks its own right; reading the list of moves needs only to see it.
        if getattr(self, "action", None) == "transitions":
            return self.view_action
        return super().scope_action()


class ConsultationViewSet(
    _TransitionsScope, StaffScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin
):
    """意见征集 of the user's agencies, with their comments counted and their 采纳情况."""

    queryset = (
        Consultation.objects.with_counts()
        .select_related("agency")
        .prefetch_related(Prefetch("adoptions", Adoption.objects.prefetch_related("comments")))
    )
    serializer_class = ConsultationSerializer
    view_action, change_action = "consultation.view", "consultation.manage"
    filterset_fields = ["agency", "status"]

    @extend_schema(request=ConsultationTransitionSerializer, responses=ConsultationSerializer)
    @action(detail=True, methods=["get", "post"])
    def transitions(self, request, pk=None, format=None):
        """GET: the consultation and the moves open to the user now; POST: carry one out."""
        consultation = self.get_object()
        if api_transitions.handle(
            CONSULTATION_WORKFLOW,
            consultation,
            request,
            ConsultationTransitionSerializer,
            "transition",
        ):
            consultation = self.get_queryset().get(pk=consultation.pk)
        listed = api_transitions.available(
            CONSULTATION_WORKFLOW, consultation, request.user, "transition"
        )
        return Response(ConsultationSerializer(consultation).data | {"transitions": listed})


class CommentViewSet(
    _TransitionsScope, StaffScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin
):
    """Comments on the consultations of the user's agencies, for moderation."""

    queryset = ConsultationComment.objects.select_related("consultation__agency")
    serializer_class = CommentSerializer
    view_action, change_action = "consultation.view", "consultation.manage"
    filterset_fields = ["consultation", "status"]

    @extend_schema(request=CommentTransitionSerializer, responses=CommentSerializer)
    @action(detail=True, methods=["get", "post"])
    def transitions(self, request, pk=None, format=None):
        """GET: the comment and the moves open to the user now; POST: carry one out."""
        comment = self.get_object()
        if api_transitions.handle(
            COMMENT_WORKFLOW, comment, request, CommentTransitionSerializer, "transition"
        ):
            comment = self.get_queryset().get(pk=comment.pk)
        listed = api_transitions.available(COMMENT_WORKFLOW, comment, request.user, "transition")
        return Response(CommentSerializer(comment).data | {"transitions": listed})


class PublicAdoptionSerializer(serializers.ModelSerializer):
    summary = serializers.CharField(source="public_summary")
    reason = serializers.CharField(source="public_reason")
    decision_display = serializers.CharField(source="get_decision_display")
    comment_count = serializers.SerializerMethodField()

    class Meta:
        model = Adoption
        fields = ["summary", "decision", "decision_display", "reason", "comment_count"]

    def get_comment_count(self, adoption) -> int:
        return len(adoption.comments.all())


class PublicConsultationSerializer(serializers.ModelSerializer):
    agency_name = serializers.CharField(source="agency.name")
    comment_count = serializers.IntegerField()
    phase = serializers.SerializerMethodField()
    result = serializers.SerializerMethodField()

    class Meta:
        model = Consultation
        fields = [
            "id",
            "agency",
            "agency_name",
            "title",
            "explanation",
            "item",
            "major_decision",
            "opens_on",
            "closes_on",
            "status",
            "phase",
            "comment_count",
            "result",
        ]

    def get_phase(self, consultation) -> str:
        """未开始, 征集中, 已截止 or 已公布采纳情况, on today's date."""
        return consultation.phase(timezone.localdate())

    def get_result(self, consultation) -> dict | None:
        """The 采纳情况 once published: the overall account and each line."""
        if consultation.status != ConsultationStatus.CONCLUDED:
            return None
        return {
            "published_on": consultation.result_published_on,
            "text": consultation.result_text,
            "adoptions": PublicAdoptionSerializer(consultation.adoptions.all(), many=True).data,
        }


class PublicConsultationViewSet(viewsets.ReadOnlyModelViewSet):
    """意见征集 put out for comment, newest first, with their 采纳情况 once published."""

    permission_classes = [PublicReadOnly]
    authentication_classes: list = []
    serializer_class = PublicConsultationSerializer
    filterset_fields = ["agency", "status"]
    queryset = (
        Consultation.objects.published()
        .with_counts()
        .select_related("agency")
        .prefetch_related(Prefetch("adoptions", Adoption.objects.prefetch_related("comments")))
        .order_by("-opens_on", "-id")
    )
