"""JSON API of agencies, internal units, reading rooms and staff."""

from django.contrib.auth import get_user_model
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.response import Response

from gongkai.agencies import services
from gongkai.agencies.models import Agency, InternalUnit, Membership, ReadingRoom, Role
from gongkai.web.permissions import PublicReadOnly
from gongkai.web.viewsets import StaffScopedViewSet


class ReadingRoomSerializer(serializers.ModelSerializer):
    class Meta:
        model = ReadingRoom
        fields = ["id", "agency", "name", "address", "opening_hours", "phone"]


class PublicAgencySerializer(serializers.ModelSerializer):
    """What the disclosure guide (Art. 12) makes public about an agency."""

    reading_rooms = ReadingRoomSerializer(many=True, read_only=True)

    class Meta:
        model = Agency
        fields = [
            "id",
            "name",
            "short_name",
            "credit_code",
            "kind",
            "level",
            "parent",
            "address",
            "postcode",
            "office_hours",
            "phone",
            "fax",
            "email",
            "website",
            "disclosure_office",
            "disclosure_office_phone",
            "reading_rooms",
        ]


class StaffAgencySerializer(PublicAgencySerializer):
    class Meta(PublicAgencySerializer.Meta):
        fields = [*PublicAgencySerializer.Meta.fields, "disclosure_office_head", "is_active"]
        read_only_fields = ["parent", "is_active"]


class InternalUnitSerializer(serializers.ModelSerializer):
    class Meta:
        model = InternalUnit
        fields = ["id", "agency", "name", "phone", "sort_order", "is_active"]


class MembershipSerializer(serializers.ModelSerializer):
    class Meta:
        model = Membership
        fields = ["agency", "role", "unit"]


class StaffSerializer(serializers.ModelSerializer):
    memberships = MembershipSerializer(many=True, read_only=True)

    class Meta:
        model = get_user_model()
        fields = ["id", "username", "full_name", "phone", "agency", "is_active", "memberships"]


class StaffChangeSerializer(serializers.Serializer):
    """What a PATCH may change; what it leaves out stays as it is. `roles` is every role the
    person is to hold at their agency."""

    full_name = serializers.CharField(max_length=40, required=False)
    phone = serializers.RegexField(
        r"^1\d{10}$",
        required=False,
        allow_blank=True,
        error_messages={"invalid": "手机号码应为以1开头的11位数字"},
    )
    roles = serializers.MultipleChoiceField(choices=Role.choices, required=False)
    unit = serializers.PrimaryKeyRelatedField(
        queryset=InternalUnit.objects.all(), required=False, allow_null=True
    )
    is_active = serializers.BooleanField(required=False)


class PublicAgencyViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [PublicReadOnly]
    authentication_classes: list = []
    queryset = Agency.objects.active().prefetch_related("reading_rooms")
    serializer_class = PublicAgencySerializer
    filterset_fields = ["parent", "kind", "level"]


class StaffAgencyViewSet(
    StaffScopedViewSet,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
):
    queryset = Agency.objects.prefetch_related("reading_rooms")
    serializer_class = StaffAgencySerializer
    view_action, change_action = "agency.view", "agency.change"
    filterset_fields = ["parent", "kind", "level"]

    def perform_update(self, serializer):
        self._require_agency(serializer.instance)
        serializer.save()


class InternalUnitViewSet(StaffScopedViewSet, viewsets.ModelViewSet):
    queryset = InternalUnit.objects.all()
    serializer_class = InternalUnitSerializer
    view_action, change_action = "unit.view", "unit.change"
    filterset_fields = ["agency"]
    http_method_names = ["get", "post", "put", "patch", "head", "options"]


class ReadingRoomViewSet(StaffScopedViewSet, viewsets.ModelViewSet):
    queryset = ReadingRoom.objects.all()
    serializer_class = ReadingRoomSerializer
    view_action, change_action = "reading_room.view", "reading_room.change"
    filterset_fields = ["agency"]


class StaffViewSet(StaffScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    queryset = get_user_model().objects.select_related("agency").prefetch_related("memberships")
    serializer_class = StaffSerializer
    view_action, change_action = "staff.view", "staff.change"
    filterset_fields = ["agency", "is_active"]

    # The workbench's staff page and this call share one service, which asks access whether
    # the caller may manage this person and grant these roles.
    @extend_schema(request=StaffChangeSerializer, responses=StaffSerializer)
    def partial_update(self, request, *args, **kwargs):
        staff = self.get_object()
        change = StaffChangeSerializer(data=request.data)
        change.is_valid(raise_exception=True)
        data = change.validated_data
        held = [m.role for m in staff.memberships.all() if m.agency_id == staff.agency_id]
        services.update_staff(
            staff,
            by=request.user,
            full_name=data.get("full_name", staff.full_name),
            phone=data.get("phone", staff.phone),
            roles=sorted(data["roles"]) if "roles" in data else held,
            unit=data["unit"] if "unit" in data else services.staff_unit(staff),
            is_active=data.get("is_active", staff.is_active),
        )
        staff = self.get_queryset().get(pk=staff.pk)
        return Response(StaffSerializer(staff).data)
