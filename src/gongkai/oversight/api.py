"""The staff API of assessment rounds: rounds opened and read, remedies (整改) and 通报, each
moved through the same workflows as the workbench pages."""

from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import mixins, serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response

from gongkai.agencies.models import Agency
from gongkai.lib.workflow import Workflow
from gongkai.web import api_transitions
from gongkai.web.api_transitions import transition_serializer
from gongkai.web.viewsets import StaffScopedViewSet

from . import rounds
from .models import AssessmentRound, Circular, IndicatorSystem, Remedy, RoundCadence
from .workflow import CIRCULAR_WORKFLOW, REMEDY_WORKFLOW, ROUND_WORKFLOW


class UnitResultSerializer(serializers.Serializer):
    agency = serializers.IntegerField(source="agency.pk")
    agency_name = serializers.CharField(source="agency.name")
    rank = serializers.IntegerField()
    total = serializers.DecimalField(max_digits=7, decimal_places=2, source="score.shown")
    verdict = serializers.CharField(source="score.verdict")
    vetoes = serializers.ListField(child=serializers.CharField(), source="score.vetoes")


class RoundSerializer(serializers.ModelSerializer):
    owner_name = serializers.CharField(source="owner.name", read_only=True)
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    results = serializers.SerializerMethodField()

    class Meta:
        model = AssessmentRound
        fields = [
            "id",
            "owner",
            "owner_name",
            "title",
            "cadence",
            "period_start",
            "period_end",
            "system",
            "agencies",
            "probe_run",
            "status",
            "status_display",
            "created_at",
            "closed_at",
            "results",
        ]
        read_only_fields = fields

    @extend_schema_field(UnitResultSerializer(many=True))
    def get_results(self, round_) -> list[dict]:
        return UnitResultSerializer(rounds.results(round_), many=True).data


class OpenRoundSerializer(serializers.Serializer):
    owner = serializers.PrimaryKeyRelatedField(queryset=Agency.objects.all())
    title = serializers.CharField(max_length=120)
    cadence = serializers.ChoiceField(choices=RoundCadence.choices)
    period_start = serializers.DateField()
    period_end = serializers.DateField()
    system = serializers.PrimaryKeyRelatedField(queryset=IndicatorSystem.objects.all())
    agencies = serializers.PrimaryKeyRelatedField(queryset=Agency.objects.all(), many=True)


class RemedySerializer(serializers.ModelSerializer):
    agency_name = serializers.CharField(source="agency.name", read_only=True)
    round = serializers.IntegerField(source="deduction.round_id", read_only=True)
    indicator = serializers.CharField(source="deduction.indicator", read_only=True)
    points = serializers.DecimalField(
        source="deduction.points", max_digits=6, decimal_places=2, read_only=True
    )
    reason = serializers.CharField(source="deduction.reason", read_only=True)
    evidence_url = serializers.CharField(source="deduction.evidence_url", read_only=True)
    observed_at = serializers.DateTimeField(source="deduction.observed_at", read_only=True)
    status_display = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = Remedy
        fields = [
            "id",
            "round",
            "agency",
            "agency_name",
            "indicator",
            "points",
            "reason",
            "evidence_url",
            "observed_at",
            "due_on",
            "status",
            "status_display",
            "answer",
            "answered_at",
            "check_note",
            "checked_at",
        ]
        read_only_fields = fields


class CircularSerializer(serializers.ModelSerializer):
    status_display = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = Circular
        fields = [
            "id",
            "round",
            "title",
            "number",
            "body",
            "signature",
            "dated",
            "status",
            "status_display",
            "item",
        ]
        read_only_fields = fields


RoundTransitionSerializer = transition_serializer(
    "RoundTransitionSerializer",
    ROUND_WORKFLOW,
    "transition",
    "该操作表单的字段，与工作台相同：如 deduct 的 agency、indicator、points、reason、"
    "evidence_url、observed_at（截图以 multipart 的 screenshot 文件上传）",
)
RemedyTransitionSerializer = transition_serializer(
    "RemedyTransitionSerializer",
    REMEDY_WORKFLOW,
    "transition",
    "该操作表单的字段，与工作台相同：如 answer 的 text（材料以 multipart 的 file 文件上传），"
    "accept、reject 的 note",
)
CircularTransitionSerializer = transition_serializer(
    "CircularTransitionSerializer",
    CIRCULAR_WORKFLOW,
    "transition",
    "该操作表单的字段，与工作台相同：如 edit 的 title、number、body、signature、dated",
)


class _TransitionsMixin:
    """`transitions`: each move checks its own right, so reading the moves needs only sight."""

    workflow: Workflow
    incoming: type

    def scope_action(self) -> str:
        if getattr(self, "action", None) == "transitions":
            return self.view_action
        return super().scope_action()

    def _transitions(self, request):
        record = self.get_object()
        if api_transitions.handle(self.workflow, record, request, self.incoming, "transition"):
            record = self.get_queryset().get(pk=record.pk)
        listed = api_transitions.available(self.workflow, record, request.user, "transition")
        return Response(self.get_serializer(record).data | {"transitions": listed})


class RoundViewSet(
    _TransitionsMixin, StaffScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin
):
    """Assessment rounds (考核轮次) organised by the user's agencies or those above them."""

    queryset = AssessmentRound.objects.select_related("owner", "system", "probe_run")
    serializer_class = RoundSerializer
    view_action, change_action = "oversight.view", "oversight.manage"
    filterset_fields = ["owner", "status", "cadence"]
    workflow, incoming = ROUND_WORKFLOW, RoundTransitionSerializer

    @extend_schema(
        summary="发起考核", request=OpenRoundSerializer, responses={201: RoundSerializer}
    )
    def create(self, request, *args, **kwargs):
        """Open a round over agencies below the organiser; the latest probe run fills in."""
        incoming = OpenRoundSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        round_ = rounds.open_round(user=request.user, **incoming.validated_data)
        return Response(RoundSerializer(round_).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="考核轮次的操作（录入人工评分、结束考核、起草通报）",
        request=RoundTransitionSerializer,
        responses=RoundSerializer,
    )
    @action(detail=True, methods=["get", "post"])
    def transitions(self, request, pk=None, format=None):
        """GET: the round and the moves open to the user now; POST: carry one out."""
        return self._transitions(request)


class RemedyViewSet(
    _TransitionsMixin, StaffScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin
):
    """Remedy tasks (整改任务) of the user's agencies and those below them."""

    queryset = Remedy.objects.select_related("agency", "deduction")
    serializer_class = RemedySerializer
    view_action, change_action = "oversight.view", "oversight.remedy"
    filterset_fields = ["agency", "status"]
    workflow, incoming = REMEDY_WORKFLOW, RemedyTransitionSerializer

    @extend_schema(
        summary="整改任务的操作（报送整改情况、复核）",
        request=RemedyTransitionSerializer,
        responses=RemedySerializer,
    )
    @action(detail=True, methods=["get", "post"])
    def transitions(self, request, pk=None, format=None):
        """GET: the remedy and the moves open to the user now; POST: carry one out."""
        return self._transitions(request)


class CircularViewSet(
    _TransitionsMixin, StaffScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin
):
    """The 通报 drafted from closed rounds."""

    queryset = Circular.objects.select_related("round__owner")
    serializer_class = CircularSerializer
    view_action, change_action = "oversight.view", "oversight.manage"
    filterset_fields = ["round", "status"]
    workflow, incoming = CIRCULAR_WORKFLOW, CircularTransitionSerializer

    @extend_schema(
        summary="通报的操作（修改、送审公开）",
        request=CircularTransitionSerializer,
        responses=CircularSerializer,
    )
    @action(detail=True, methods=["get", "post"])
    def transitions(self, request, pk=None, format=None):
        """GET: the 通报 and the moves open to the user now; POST: carry one out."""
        return self._transitions(request)
