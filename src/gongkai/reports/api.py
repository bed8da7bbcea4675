"""JSON API of the annual report for staff: the reports they may read, a new draft, and the
report's transitions through the same workflow as the editor page (`REPORT_WORKFLOW`)."""

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response

from gongkai.agencies.models import Agency
from gongkai.web import api_transitions
from gongkai.web.api_transitions import transition_serializer
from gongkai.web.viewsets import StaffScopedViewSet

from . import services
from .models import AnnualReport
from .workflow import REPORT_WORKFLOW


class ReportSerializer(serializers.ModelSerializer):
    agency_name = serializers.CharField(source="agency.name", read_only=True)
    status_display = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = AnnualReport
        fields = [
            "id",
            "agency",
            "agency_name",
            "year",
            "format_code",
            "status",
            "status_display",
            "overview",
            "problems",
            "other_matters",
            "licensing",
            "punishment",
            "coercion",
            "fees",
            "figures",
            "inconsistencies",
            "return_reason",
            "submitted_at",
            "accepted_at",
            "published_at",
            "content_hash",
        ]
        read_only_fields = fields


class DraftSerializer(serializers.Serializer):
    agency = serializers.PrimaryKeyRelatedField(queryset=Agency.objects.all())
    year = serializers.IntegerField()


ReportTransitionSerializer = transition_serializer(
    "ReportTransitionSerializer",
    REPORT_WORKFLOW,
    "transition",
    "该操作表单的字段，与工作台相同：如 sections 的 overview、problems、other_matters，"
    "figures 的 licensing、punishment、coercion、fees，override 的 cell、value、reason，"
    "return 的 reason",
)


class ReportViewSet(StaffScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    """Annual reports of the agencies the user works for or supervises."""

    queryset = AnnualReport.objects.select_related("agency")
    serializer_class = ReportSerializer
    view_action, change_action = "report.view", "report.edit"
    filterset_fields = ["agency", "year", "status"]

    def scope_action(self) -> str:
        # Each transition checks its own right (accepting is the 主管部门's, not the agency's).
        if getattr(self, "action", None) == "transitions":
            return self.view_action
        return super().scope_action()

    @extend_schema(request=DraftSerializer, responses=ReportSerializer)
    def create(self, request, *args, **kwargs):
        """Start an agency's report for a year: tables computed, prose pre-filled."""
        incoming = DraftSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        agency = incoming.validated_data["agency"]
        self._require_agency(agency)
        report = services.create_draft(agency, incoming.validated_data["year"], user=request.user)
        return Response(ReportSerializer(report).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=ReportTransitionSerializer, responses=ReportSerializer)
    @action(detail=True, methods=["get", "post"])
    def transitions(self, request, pk=None, format=None):
        """GET: the report and the transitions open to the user now; POST: carry one out."""
        report = self.get_object()
        if api_transitions.handle(
            REPORT_WORKFLOW, report, request, ReportTransitionSerializer, "transition"
        ):
            report = self.get_queryset().get(pk=report.pk)
        listed = api_transitions.available(REPORT_WORKFLOW, report, request.user, "transition")
        return Response(ReportSerializer(report).data | {"transitions": listed})
