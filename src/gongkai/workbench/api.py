"""JSON API of agencies, internal units, reading rooms and staff."""

from django.contrib.auth import get_user_model
from rest_framework import mixins, serializers, viewsets

from gongkai.agencies.models import Agency, InternalUnit, Membership, ReadingRoom
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
    view_action = "staff.view"
    filterset_fields = ["agency", "is_active"]
