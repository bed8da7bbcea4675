"""JSON API of 依申请公开: staff read and move cases; the public submits and looks up status.

Both go through the same services and the same workflow (`CASE_WORKFLOW`) as the workbench;
a refused move is answered by the API's one error handler (`gongkai.web.errors`).
"""

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import Throttled
from rest_framework.permissions import BasePermission
from rest_framework.response import Response

from gongkai.agencies.models import Agency
from gongkai.web import api_transitions
from gongkai.web.api_transitions import transition_serializer
from gongkai.web.client import within_limit
from gongkai.web.permissions import unsupported_method
from gongkai.web.viewsets import StaffScopedViewSet

from . import limits, services
from .models import Application, CaseEvent
from .workflow import CASE_WORKFLOW


class CaseEventSerializer(serializers.ModelSerializer):
    class Meta:
        model = CaseEvent
        fields = ["id", "kind", "on", "data", "note", "recorded_at"]


class ApplicationSerializer(serializers.ModelSerializer):
    """A case for staff; the identity number appears masked only."""

    events = CaseEventSerializer(many=True, read_only=True)
    due_display = serializers.CharField(read_only=True)

    class Meta:
        model = Application
        fields = [
            "id",
            "agency",
            "number",
            "tracking_code",
            "applicant_category",
            "applicant_name",
            "id_type",
            "id_number_masked",
            "credit_code",
            "legal_representative",
            "contact_person",
            "phone",
            "email",
            "address",
            "postcode",
            "channel",
            "received_on",
            "receipt_basis",
            "description",
            "document_number",
            "provision_form",
            "delivery_method",
            "handler",
            "unit",
            "status",
            "due_date",
            "due_display",
            "outcome",
            "decided_on",
            "events",
        ]
        read_only_fields = fields


class IntakeSerializer(serializers.Serializer):
    agency = serializers.PrimaryKeyRelatedField(queryset=Agency.objects.active())
    applicant_category = serializers.CharField(max_length=20)
    applicant_name = serializers.CharField(max_length=100)
    id_type = serializers.CharField(required=False, allow_blank=True, default="", max_length=20)
    id_number = serializers.CharField(required=False, allow_blank=True, default="", max_length=40)
    credit_code = serializers.CharField(required=False, allow_blank=True, default="", max_length=18)
    legal_representative = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=50
    )
    contact_person = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=50
    )
    phone = serializers.CharField(max_length=40)
    email = serializers.CharField(required=False, allow_blank=True, default="", max_length=254)
    address = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)
    postcode = serializers.CharField(required=False, allow_blank=True, default="", max_length=6)
    description = serializers.CharField()
    document_number = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=100
    )
    provision_form = serializers.CharField(max_length=20)
    delivery_method = serializers.CharField(max_length=20)


class StaffIntakeSerializer(IntakeSerializer):
    channel = serializers.CharField(max_length=20)
    received_on = serializers.DateField()


class PublicIntakeSerializer(IntakeSerializer):
    submission_token = serializers.CharField(
        max_length=64, help_text="客户端生成的一次性标识：重复提交同一标识只登记一件申请"
    )


MoveSerializer = transition_serializer(
    "MoveSerializer",
    CASE_WORKFLOW,
    "move",
    "该办理事项表单的字段，如 on、outcome、legal_basis、reasons",
)


class PublicReceiptSerializer(serializers.Serializer):
    agency = serializers.CharField()
    number = serializers.CharField()
    received_on = serializers.DateField()
    due = serializers.CharField()
    tracking_code = serializers.CharField()


class StatusQuerySerializer(serializers.Serializer):
    tracking_code = serializers.CharField()
    phone = serializers.CharField(max_length=40)


class PublicStatusSerializer(serializers.Serializer):
    agency = serializers.CharField()
    number = serializers.CharField()
    received_on = serializers.DateField()
    status = serializers.CharField()
    due = serializers.CharField()
    outcome = serializers.CharField()
    decided_on = serializers.DateField(allow_null=True)


def _intake(data: dict) -> services.Intake:
    names = set(services.Intake.__dataclass_fields__)
    return services.Intake(**{k: v for k, v in data.items() if k in names})


class ApplicationViewSet(
    StaffScopedViewSet,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
):
    """Cases of the agencies the user works for (or supervises, read only)."""

    queryset = Application.objects.select_related("agency").prefetch_related("events")
    serializer_class = ApplicationSerializer
    view_action, change_action = "case.view", "case.handle"
    filterset_fields = ["agency", "status", "outcome", "handler"]

    def scope_action(self) -> str:
        # Each move checks its own right (an extension's approval is not case.handle).
        if getattr(self, "action", None) == "moves":
            return self.view_action
        return super().scope_action()

    @extend_schema(request=StaffIntakeSerializer, responses=ApplicationSerializer)
    def create(self, request, *args, **kwargs):
        incoming = StaffIntakeSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        agency = incoming.validated_data["agency"]
        self._require_agency(agency)
        case = services.register(agency, _intake(incoming.validated_data), user=request.user)
        return Response(ApplicationSerializer(case).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=MoveSerializer, responses=ApplicationSerializer)
    @action(detail=True, methods=["get", "post"])
    def moves(self, request, pk=None, format=None):
        """GET: the case and the moves open to the user now; POST: make one move."""
        case = self.get_object()
        if api_transitions.handle(CASE_WORKFLOW, case, request, MoveSerializer, "move"):
            case = self.get_queryset().get(pk=case.pk)
        moves = api_transitions.available(CASE_WORKFLOW, case, request.user, "move")
        return Response(ApplicationSerializer(case).data | {"moves": moves})


class PublicSubmit(BasePermission):
    """Anyone may submit an application or ask for a status; nothing else."""

    def has_permission(self, request, view):
        return request.method == "POST" or unsupported_method(request, view)


class PublicApplicationViewSet(viewsets.GenericViewSet):
    permission_classes = [PublicSubmit]
    authentication_classes: list = []
    serializer_class = PublicIntakeSerializer
    schema_subject = "政府信息公开申请"

    @extend_schema(
        summary="网上提交政府信息公开申请",
        description="答复为回执，含申请编号、答复期限和查询码。",
        request=PublicIntakeSerializer,
        responses=PublicReceiptSerializer,
    )
    def create(self, request):
        """Submit an application online; the answer is the receipt with the tracking code."""
        incoming = PublicIntakeSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        if not within_limit(request, limits.PUBLIC_APPLICATION):
            raise Throttled(detail=limits.PUBLIC_APPLICATION.message)
        data = incoming.validated_data
        case = services.register(
            data["agency"], _intake(data), submission_token=data["submission_token"]
        )
        receipt = {
            "agency": case.agency.name,
            "number": case.number,
            "received_on": case.received_on,
            "due": case.due_display,
            "tracking_code": case.tracking_code_display,
        }
        return Response(PublicReceiptSerializer(receipt).data, status=status.HTTP_201_CREATED)


class PublicStatusViewSet(viewsets.GenericViewSet):
    permission_classes = [PublicSubmit]
    authentication_classes: list = []
    serializer_class = StatusQuerySerializer
    schema_subject = "办理状态"

    @extend_schema(
        summary="按查询码和联系电话查询办理状态",
        request=StatusQuerySerializer,
        # A look-up answers what it found (200), not a created record; 404 when nothing matches.
        responses={
            200: PublicStatusSerializer,
            404: OpenApiResponse(description="未找到对应的申请"),
        },
    )
    def create(self, request):
        """The status of an application, by tracking code and the applicant's phone number."""
        incoming = StatusQuerySerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        if not within_limit(request, limits.STATUS_LOOKUP):
            raise Throttled(detail=limits.STATUS_LOOKUP.message)
        case = services.find_by_tracking(
            incoming.validated_data["tracking_code"], incoming.validated_data["phone"]
        )
        if case is None:
            return Response(
                {"detail": "未找到与该查询码和联系电话对应的申请"}, status=status.HTTP_404_NOT_FOUND
            )
        answer = {
            "agency": case.agency.name,
            "number": case.number,
            "received_on": case.received_on,
            "status": case.get_status_display(),
            "due": case.due_display if case.is_open else "",
            "outcome": case.get_outcome_display(),
            "decided_on": case.decided_on,
        }
        return Response(PublicStatusSerializer(answer).data)
