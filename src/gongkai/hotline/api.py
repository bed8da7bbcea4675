"""The staff API of the 12345 hotline: work orders of the user's agencies, taken in one at a
time (idempotent on the platform's number) or as the platform's file, their moves through the
same workflow as the work-order page (`ORDER_WORKFLOW`), and the imported files with their
export back to the platform."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from gongkai.agencies import access
from gongkai.agencies.models import Agency
from gongkai.lib.errors import Refused
from gongkai.web import api_transitions
from gongkai.web.api_transitions import transition_serializer
from gongkai.web.viewsets import StaffScopedViewSet

from . import caller as callers
from . import exporter, services, statistics
from .calls import CALL_COLUMNS, CALL_LABELS, CallImporter
from .importer import Importer, parse_mapping
from .models import (
    CONTENT_MAX_CHARS,
    NUMBER_MAX_CHARS,
    SUBJECT_MAX_CHARS,
    Call,
    HandlingRole,
    ImportBatch,
    OrderKind,
    WorkOrder,
)
from .platform_files import FileRefused
from .workflow import CALL_WORKFLOW, ORDER_WORKFLOW


class WorkOrderSerializer(serializers.ModelSerializer):
    agency_name = serializers.CharField(source="agency.name", read_only=True)
    kind = serializers.CharField(source="category.kind", read_only=True)
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    caller_name = serializers.SerializerMethodField(help_text="本机关工作人员读取单件时为全文")
    caller_phone = serializers.SerializerMethodField()
    caller_address = serializers.SerializerMethodField()
    repeat_of_number = serializers.CharField(
        source="repeat_of.number", read_only=True, allow_null=True, default=None
    )
    merged_into_number = serializers.CharField(
        source="merged_into.number", read_only=True, allow_null=True, default=None
    )

    class Meta:
        model = WorkOrder
        fields = [
            "id",
            "agency",
            "agency_name",
            "number",
            "kind",
            "role",
            "lead_unit",
            "co_units",
            "subject",
            "content",
            "caller_name",
            "caller_phone",
            "caller_address",
            "confidential",
            "dispatched_at",
            "received_on",
            "due_on",
            "extension_workdays",
            "status",
            "status_display",
            "unit",
            "handler",
            "return_reason",
            "return_opinion",
            "reply_text",
            "replied_on",
            "reply_workdays",
            "closed_on",
            "callback_on",
            "satisfaction",
            "callback_note",
            "repeat_of_number",
            "merged_into_number",
        ]
        read_only_fields = fields

    def _caller(self, order) -> callers.Caller:
        # A list shows the masked caller; one order read by whom may read it shows it in full.
        if self.context.get("full_caller"):
            return callers.for_user(self.context["request"].user, order)
        return callers.masked(order)

    def get_caller_name(self, order) -> str:
        return self._caller(order).name

    def get_caller_phone(self, order) -> str:
        return self._caller(order).phone

    def get_caller_address(self, order) -> str:
        return self._caller(order).address


class IncomingOrderSerializer(serializers.Serializer):
    """One work order as the platform sends it; posting the same number again changes nothing."""

    agency = serializers.PrimaryKeyRelatedField(queryset=Agency.objects.all())
    number = serializers.CharField(max_length=NUMBER_MAX_CHARS)
    kind = serializers.ChoiceField(choices=OrderKind.choices)
    subject = serializers.CharField(max_length=SUBJECT_MAX_CHARS, required=False, default="")
    content = serializers.CharField(max_length=CONTENT_MAX_CHARS)
    dispatched_at = serializers.DateTimeField()
    caller_name = serializers.CharField(max_length=100, required=False, default="")
    caller_phone = serializers.CharField(max_length=40, required=False, default="")
    caller_address = serializers.CharField(max_length=300, required=False, default="")
    confidential = serializers.BooleanField(required=False, default=False)
    role = serializers.ChoiceField(
        choices=HandlingRole.choices, required=False, default=HandlingRole.LEAD
    )
    lead_unit = serializers.CharField(max_length=200, required=False, default="")
    co_units = serializers.CharField(max_length=500, required=False, default="")

    def validate_dispatched_at(self, value):
        if value > timezone.now() + timedelta(hours=1):
            raise ValidationError("派单时间晚于现在")
        return value


class ImportFileSerializer(serializers.Serializer):
    agency = serializers.PrimaryKeyRelatedField(queryset=Agency.objects.all())
    file = serializers.FileField(help_text="平台导出的 CSV、XLSX 或 JSON 文件")
    mapping = serializers.ListField(
        child=serializers.CharField(),
        required=False,
        default=list,
        help_text='列名对应，如 ["number=工单号"]',
    )


class ImportReportSerializer(serializers.Serializer):
    created = serializers.IntegerField()
    unchanged = serializers.IntegerField()
    errors = serializers.ListField(child=serializers.CharField(), help_text="第 N 行：原因")
    batch = serializers.IntegerField(allow_null=True)


WorkOrderTransitionSerializer = transition_serializer(
    "WorkOrderTransitionSerializer",
    ORDER_WORKFLOW,
    "transition",
    "该操作表单的字段，与工作台相同：如 request_return 的 reason",
)


class WorkOrderViewSet(
    StaffScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin
):
    """12345 work orders of the user's agencies; the caller is masked in lists and shown in
    full, on one order, to the handling agency's staff (a confidential order: its handler)."""

    queryset = WorkOrder.objects.select_related("agency", "category", "repeat_of", "merged_into")
    serializer_class = WorkOrderSerializer
    view_action, change_action = "workorder.view", "workorder.handle"
    filterset_fields = ["agency", "status", "role"]

    def scope_action(self) -> str:
        # Each move checks its own right; reading the list of moves needs only to see it.
        if getattr(self, "action", None) == "transitions":
            return self.view_action
        return super().scope_action()

    def get_serializer_context(self):
        return super().get_serializer_context() | {
            "full_caller": getattr(self, "action", None) in ("retrieve", "transitions", "create")
        }

    @extend_schema(
        summary="接收一件平台工单（按工单编号幂等）",
        request=IncomingOrderSerializer,
        responses={201: WorkOrderSerializer, 200: WorkOrderSerializer},
    )
    def create(self, request, *args, **kwargs):
        """A work order pushed by the platform: 201 when new, 200 with the order already
        recorded under the same number at the agency, unchanged."""
        incoming = IncomingOrderSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        agency = data["agency"]
        if not access.can(request.user, "workorder.handle", agency):
            raise PermissionDenied("您无权在该机关接收工单")
        order, created = services.receive(
            agency,
            services.Incoming(
                number=data["number"],
                kind=data["kind"],
                subject=data["subject"],
                content=data["content"],
                dispatched_at=data["dispatched_at"],
                caller=callers.Caller(
                    data["caller_name"], data["caller_phone"], data["caller_address"]
                ),
                confidential=data["confidential"],
                role=data["role"],
                lead_unit=data["lead_unit"],
                co_units=data["co_units"],
            ),
            user=request.user,
        )
        body = self.get_serializer(self.get_queryset().get(pk=order.pk)).data
        return Response(body, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)

    @extend_schema(
        summary="导入平台导出的工单文件",
        request={"multipart/form-data": ImportFileSerializer},
        responses=ImportReportSerializer,
    )
    @action(detail=False, methods=["post"], url_path="import")
    def import_file(self, request, format=None):
        """The platform's export (CSV, XLSX or JSON): each row a work order, rows already
        imported left as they are, a bad row reported with its line and the rest imported."""
        incoming = ImportFileSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        try:
            mapping = parse_mapping(data["mapping"])
        except ValueError as error:
            raise Refused(str(error), "mapping") from None
        upload = data["file"]
        importer = Importer(user=request.user, agency=data["agency"], mapping=mapping)
        try:
            report = importer.run(upload.read(), upload.name)
        except FileRefused as error:
            raise Refused(str(error), "file") from None
        return Response(
            {
                "created": report.created,
                "unchanged": report.unchanged,
                "errors": report.error_lines(),
                "batch": report.batch.pk if report.batch else None,
            }
        )

    @extend_schema(request=WorkOrderTransitionSerializer, responses=WorkOrderSerializer)
    @action(detail=True, methods=["get", "post"])
    def transitions(self, request, pk=None, format=None):
        """GET: the work order and the moves open to the user now; POST: carry one out."""
        order = self.get_object()
        if api_transitions.handle(
            ORDER_WORKFLOW, order, request, WorkOrderTransitionSerializer, "transition"
        ):
            order = self.get_queryset().get(pk=order.pk)
        listed = api_transitions.available(ORDER_WORKFLOW, order, request.user, "transition")
        return Response(self.get_serializer(order).data | {"transitions": listed})


class ImportBatchSerializer(serializers.ModelSerializer):
    class Meta:
        model = ImportBatch
        fields = ["id", "agency", "file_name", "file_format", "created_count", "created_at"]
        read_only_fields = fields


class ImportBatchViewSet(StaffScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    """The platform files imported at the user's agencies."""

    queryset = ImportBatch.objects.all()
    serializer_class = ImportBatchSerializer
    view_action = "workorder.view"
    filterset_fields = ["agency"]

    @extend_schema(
        summary="按平台文件原格式导出办理结果",
        responses={(200, "application/octet-stream"): bytes},
    )
    @action(detail=True, methods=["get"])
    def export(self, request, pk=None, format=None):
        """The batch's work orders with their handling results, in the file format, columns,
        encoding and shape the platform sent."""
        export = exporter.export_batch(self.get_object())
        response = HttpResponse(export.data, content_type=export.content_type)
        response["Content-Disposition"] = f'attachment; filename="batch-{pk}-results"'
        return response


class CallSerializer(serializers.ModelSerializer):
    agency_name = serializers.CharField(source="agency.name", read_only=True)
    unit_name = serializers.CharField(source="unit.name", read_only=True, default=None)
    caller_phone = serializers.CharField(source="caller_phone_masked", read_only=True)

    class Meta:
        model = Call
        fields = [
            "id",
            "agency",
            "agency_name",
            "call_id",
            "line",
            "unit",
            "unit_name",
            "agent",
            "caller_phone",
            "ring_at",
            "answered_at",
            "ended_at",
            "wait_seconds",
            "talk_seconds",
            "transferred",
            "transfer_succeeded",
            "satisfaction",
            "callback_status",
            "callback_attempts",
            "callback_at",
            "callback_note",
        ]
        read_only_fields = fields


CallTransitionSerializer = transition_serializer(
    "CallTransitionSerializer",
    CALL_WORKFLOW,
    "transition",
    "该操作表单的字段，与工作台相同：call_back 的 reached（yes/no）和 note",
)


class StatisticsQuerySerializer(serializers.Serializer):
    year = serializers.IntegerField(required=False)
    month = serializers.IntegerField(required=False, min_value=1, max_value=12)


class CallStatisticsRowSerializer(serializers.Serializer):
    agency = serializers.CharField()
    agency_id = serializers.IntegerField()
    unit = serializers.CharField(allow_null=True)
    calls = serializers.IntegerField()
    answered = serializers.IntegerField()
    connection_rate = serializers.FloatField(allow_null=True)
    within_15s = serializers.IntegerField()
    within_15s_rate = serializers.FloatField(allow_null=True)
    transfers = serializers.IntegerField()
    transfers_succeeded = serializers.IntegerField()
    transfer_success_rate = serializers.FloatField(allow_null=True)
    average_handling_seconds = serializers.IntegerField(allow_null=True)
    rated = serializers.IntegerField()
    satisfied = serializers.IntegerField()
    satisfaction_rate = serializers.FloatField(allow_null=True)


class OrderStatisticsRowSerializer(serializers.Serializer):
    agency = serializers.CharField()
    agency_id = serializers.IntegerField()
    unit = serializers.CharField(allow_null=True)
    received = serializers.IntegerField()
    answered = serializers.IntegerField()
    on_time = serializers.IntegerField()
    on_time_rate = serializers.FloatField(allow_null=True)
    returned = serializers.IntegerField()
    merged = serializers.IntegerField()
    rated = serializers.IntegerField()
    satisfied = serializers.IntegerField()
    satisfaction_rate = serializers.FloatField(allow_null=True)


class HotlineStatisticsSerializer(serializers.Serializer):
    start = serializers.DateField()
    end = serializers.DateField()
    calls = CallStatisticsRowSerializer(many=True)
    calls_total = CallStatisticsRowSerializer()
    orders = OrderStatisticsRowSerializer(many=True)
    orders_total = OrderStatisticsRowSerializer()


def hotline_statistics(user, params) -> dict:
    """The figures of the statistics page, as the API and the command line give them."""
    start, end, _, _ = statistics.period_of(params, timezone.localdate())
    calls = statistics.call_statistics(
        access.scope(Call.objects.all(), user, "call.view"), start, end
    )
    orders = statistics.order_statistics(
        access.scope(WorkOrder.objects.all(), user, "workorder.view"), start, end
    )
    everyone = {"agency": "合计", "agency_id": 0}
    return {
        "start": start,
        "end": end,
        "calls": [
            {
                "agency": agency.name,
                "agency_id": agency.pk,
                "unit": unit.name if unit else None,
                **row.as_dict(),
            }
            for (agency, unit), row in calls.items()
        ],
        "calls_total": everyone
        | {"unit": None}
        | statistics.total(calls, statistics.CallCounters()).as_dict(),
        "orders": [
            {
                "agency": agency.name,
                "agency_id": agency.pk,
                "unit": unit.name if unit else None,
                **row.as_dict(),
            }
            for (agency, unit), row in orders.items()
        ],
        "orders_total": everyone
        | {"unit": None}
        | statistics.total(orders, statistics.OrderCounters()).as_dict(),
    }


class CallViewSet(StaffScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    """Calls to the agency's own line (e.g. 96128); the caller's number appears masked."""

    queryset = Call.objects.select_related("agency", "unit")
    serializer_class = CallSerializer
    view_action, change_action = "call.view", "call.handle"
    filterset_fields = ["agency", "callback_status", "transferred"]

    def scope_action(self) -> str:
        if getattr(self, "action", None) == "transitions":
            return self.view_action
        return super().scope_action()

    @extend_schema(
        summary="导入话务系统导出的来电记录",
        request={"multipart/form-data": ImportFileSerializer},
        responses=ImportReportSerializer,
    )
    @action(detail=False, methods=["post"], url_path="import")
    def import_file(self, request, format=None):
        """The telephone system's export: each row one call, calls already recorded left as they
        are, a bad row reported with its line; missed calls become call-back tasks."""
        incoming = ImportFileSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        try:
            mapping = parse_mapping(data["mapping"], set(CALL_COLUMNS), CALL_LABELS)
        except ValueError as error:
            raise Refused(str(error), "mapping") from None
        upload = data["file"]
        importer = CallImporter(user=request.user, agency=data["agency"], mapping=mapping)
        try:
            report = importer.run(upload.read(), upload.name)
        except FileRefused as error:
            raise Refused(str(error), "file") from None
        return Response(
            {
                "created": report.created,
                "unchanged": report.unchanged,
                "errors": report.error_lines(),
                "batch": None,
            }
        )

    @extend_schema(
        summary="热线统计：话务与工单",
        parameters=[StatisticsQuerySerializer],
        responses=HotlineStatisticsSerializer,
    )
    @action(detail=False, methods=["get"])
    def statistics(self, request, format=None):
        """Calls per agency and unit and work orders per agency for a year (`year`) or one of its
        months (`month`), with the roll-up over every agency the user reads."""
        return Response(
            HotlineStatisticsSerializer(hotline_statistics(request.user, request.query_params)).data
        )

    @extend_schema(request=CallTransitionSerializer, responses=CallSerializer)
    @action(detail=True, methods=["get", "post"])
    def transitions(self, request, pk=None, format=None):
        """GET: the call and the moves open to the user now; POST: carry one out."""
        call = self.get_object()
        if api_transitions.handle(
            CALL_WORKFLOW, call, request, CallTransitionSerializer, "transition"
        ):
            call = self.get_queryset().get(pk=call.pk)
        listed = api_transitions.available(CALL_WORKFLOW, call, request.user, "transition")
        return Response(self.get_serializer(call).data | {"transitions": listed})
