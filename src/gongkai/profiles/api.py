"""The staff API of the 机构概况: versions of the user's agencies, starting a draft, and each
version's transitions through the same workflow as its page (`PROFILE_WORKFLOW`)."""

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response

from gongkai.agencies.models import Agency
from gongkai.web import api_transitions
from gongkai.web.api_transitions import transition_serializer
from gongkai.web.viewsets import StaffScopedViewSet

from . import services
from .models import LeaderEntry, ProfileUnit, ProfileVersion
from .workflow import PROFILE_WORKFLOW


class ProfileUnitSerializer(serializers.ModelSerializer):
    class Meta:
        model = ProfileUnit
        fields = ["id", "name", "duties", "phone", "sort_order"]
        read_only_fields = fields


class LeaderEntrySerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="leader.name", read_only=True)
    took_office = serializers.DateField(source="leader.took_office", read_only=True)
    has_photo = serializers.SerializerMethodField()

    class Meta:
        model = LeaderEntry
        fields = [
            "id",
            "name",
            "post",
            "portfolio",
            "cv",
            "took_office",
            "left_on",
            "sort_order",
            "has_photo",
        ]
        read_only_fields = fields

    def get_has_photo(self, entry) -> bool:
        return bool(entry.photo)


class ProfileSerializer(serializers.ModelSerializer):
    agency_name = serializers.CharField(source="agency.name", read_only=True)
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    units = ProfileUnitSerializer(many=True, read_only=True)
    leaders = LeaderEntrySerializer(many=True, read_only=True)

    class Meta:
        model = ProfileVersion
        fields = [
            "id",
            "agency",
            "agency_name",
            "number",
            "status",
            "status_display",
            "duties",
            "address",
            "postcode",
            "phone",
            "fax",
            "email",
            "office_hours",
            "change_note",
            "effective_on",
            "return_reason",
            "submitted_at",
            "published_at",
            "units",
            "leaders",
        ]
        read_only_fields = fields


class ProfileDraftSerializer(serializers.Serializer):
    agency = serializers.PrimaryKeyRelatedField(queryset=Agency.objects.all())


ProfileTransitionSerializer = transition_serializer(
    "ProfileTransitionSerializer",
    PROFILE_WORKFLOW,
    "transition",
    "该操作表单的字段，与工作台相同：如 edit 的 duties、address、effective_on，save_unit 的 "
    "unit、name、duties、phone、sort_order，add_leader 的 name、post、took_office、portfolio、"
    "cv（照片以 multipart 上传，文件字段名 photo），leader_leaves 的 leader、left_on，"
    "return 的 reason",
)


class ProfileViewSet(StaffScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    """Versions of the 机构概况 of the user's agencies."""

    queryset = ProfileVersion.objects.select_related("agency").prefetch_related(
        "units", "leaders__leader"
    )
    serializer_class = ProfileSerializer
    view_action, change_action = "profile.view", "profile.edit"
    filterset_fields = ["agency", "status"]

    def scope_action(self) -> str:
        # Each transition checks its own right (approving is the reviewer's).
        if getattr(self, "action", None) == "transitions":
            return self.view_action
        return super().scope_action()

    @extend_schema(
        summary="起草机构概况修改稿", request=ProfileDraftSerializer, responses=ProfileSerializer
    )
    def create(self, request, *args, **kwargs):
        """The agency's open draft, started from what the portal shows now if there is none."""
        incoming = ProfileDraftSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        agency = incoming.validated_data["agency"]
        self._require_agency(agency)
        version = services.start_draft(agency, user=request.user)
        version = self.get_queryset().get(pk=version.pk)
        return Response(ProfileSerializer(version).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=ProfileTransitionSerializer, responses=ProfileSerializer)
    @action(detail=True, methods=["get", "post"])
    def transitions(self, request, pk=None, format=None):
        """GET: the version and the transitions open to the user now; POST: carry one out."""
        version = self.get_object()
        if api_transitions.handle(
            PROFILE_WORKFLOW, version, request, ProfileTransitionSerializer, "transition"
        ):
            version = self.get_queryset().get(pk=version.pk)
        listed = api_transitions.available(PROFILE_WORKFLOW, version, request.user, "transition")
        return Response(ProfileSerializer(version).data | {"transitions": listed})
