"""The staff JSON API of catalog items: register and edit items through catalog's services and
carry out the review gate's transitions (ITEM_WORKFLOW) — review's, like the item's staff page."""

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from gongkai.agencies.models import Agency
from gongkai.catalog import services
from gongkai.catalog.models import (
    Art20Item,
    Attachment,
    DisclosureAttribute,
    ExemptionReason,
    Genre,
    InfoItem,
    Topic,
    Validity,
)
from gongkai.web import api_transitions
from gongkai.web.api_transitions import transition_serializer
from gongkai.web.viewsets import StaffScopedViewSet

from .models import Review
from .workflow import ITEM_WORKFLOW


class StaffAttachmentSerializer(serializers.ModelSerializer):
    """A file of the working version, as the workbench lists it."""

    class Meta:
        model = Attachment
        fields = ["id", "title", "name", "kind", "size", "sha256", "uploaded_at"]


class StaffItemSerializer(serializers.Serializer):
    """An item with its working version; writing it edits that version through the services."""

    id = serializers.IntegerField(read_only=True)
    index_no = serializers.CharField(read_only=True)
    status = serializers.CharField(read_only=True)
    agency = serializers.PrimaryKeyRelatedField(queryset=Agency.objects.all())
    version = serializers.IntegerField(source="current_version.number", read_only=True)
    published_version = serializers.IntegerField(
        source="published_version.number", read_only=True, allow_null=True
    )
    publish_due = serializers.DateField(read_only=True)
    published_at = serializers.DateTimeField(read_only=True)
    published_late = serializers.BooleanField(read_only=True)
    title = serializers.CharField(source="current_version.title", max_length=300)
    publisher = serializers.CharField(
        source="current_version.publisher", max_length=200, required=False, allow_blank=True
    )
    doc_no = serializers.CharField(
        source="current_version.doc_no", max_length=60, required=False, allow_blank=True
    )
    written_on = serializers.DateField(
        source="current_version.written_on", required=False, allow_null=True
    )
    formed_on = serializers.DateField(
        source="current_version.formed_on",
    )
    topic = serializers.PrimaryKeyRelatedField(
        source="current_version.topic",
        queryset=Topic.objects.all(),
        required=False,
        allow_null=True,
    )
    genre = serializers.PrimaryKeyRelatedField(
        source="current_version.genre",
        queryset=Genre.objects.all(),
        required=False,
        allow_null=True,
    )
    art20_item = serializers.ChoiceField(
        Art20Item.choices, source="current_version.art20_item", required=False, allow_null=True
    )
    keywords = serializers.CharField(
        source="current_version.keywords", max_length=200, required=False, allow_blank=True
    )
    summary = serializers.CharField(
        source="current_version.summary", max_length=500, required=False, allow_blank=True
    )
    validity = serializers.ChoiceField(
        Validity.choices, source="current_version.validity", required=False
    )
    effective_on = serializers.DateField(
        source="current_version.effective_on", required=False, allow_null=True
    )
    expires_on = serializers.DateField(
        source="current_version.expires_on", required=False, allow_null=True
    )
    attribute = serializers.ChoiceField(
        DisclosureAttribute.choices, source="current_version.attribute", required=False
    )
    exemption_reasons = serializers.ListField(
        source="current_version.exemption_reasons",
        child=serializers.ChoiceField(ExemptionReason.choices),
        required=False,
    )
    body = serializers.CharField(source="current_version.body", required=False, allow_blank=True)
    interpretation_url = serializers.URLField(
        source="current_version.interpretation_url", required=False, allow_blank=True
    )
    check_findings = serializers.JSONField(source="current_version.check_findings", read_only=True)
    attachments = StaffAttachmentSerializer(
        source="current_version.attachments", many=True, read_only=True
    )


TransitionSerializer = transition_serializer(
    "TransitionSerializer",
    ITEM_WORKFLOW,
    "transition",
    "该操作表单的字段，与工作台相同：如 sign 的 decision、legal_basis、opinion，"
    "revise 的 change_note，revoke 的 reason，schedule 的 when",
)


class StaffItemViewSet(
    StaffScopedViewSet,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
):
    """Catalog items of the agencies the user works for. Creating and editing go through the
    same services as the workbench; nothing here publishes without an approved review."""

    queryset = InfoItem.objects.select_related("agency", "current_version", "published_version")
    serializer_class = StaffItemSerializer
    view_action, change_action = "item.view", "item.change"
    filterset_fields = ["agency", "status"]

    def scope_action(self) -> str:
        # Reviewers and publishers act through transitions without the right to edit content;
        # each transition's service checks its own right.
        if getattr(self, "action", None) == "transitions":
            return self.view_action
        return super().scope_action()

    def perform_create(self, serializer):
        agency = serializer.validated_data["agency"]
        data = serializer.validated_data.get("current_version", {})
        self._require_agency(agency)
        result = services.create_item(user=self.request.user, agency=agency, data=data)
        serializer.instance = result.item

    def perform_update(self, serializer):
        data = serializer.validated_data.get("current_version", {})
        item = serializer.instance
        services.update_item(user=self.request.user, item=item, data=data)
        item.refresh_from_db()
        serializer.instance = item

    @extend_schema(request=TransitionSerializer, responses=StaffItemSerializer)
    @action(detail=True, methods=["get", "post"])
    def transitions(self, request, pk=None, format=None):
        """GET: the item and its review history; POST: carry out one named transition."""
        item = self.get_object()
        if api_transitions.handle(ITEM_WORKFLOW, item, request, TransitionSerializer, "transition"):
            item.refresh_from_db()
        listed = api_transitions.available(ITEM_WORKFLOW, item, request.user, "transition")
        return Response(
            StaffItemSerializer(item).data | {"reviews": _reviews(item), "transitions": listed}
        )


def _reviews(item: InfoItem) -> list[dict]:
    return [
        {
            "version": r.version.number,
            "state": r.state,
            "steps": r.steps,
            "submitted_at": r.submitted_at.isoformat(),
            "checks_override_reason": r.checks_override_reason,
            "opinions": [
                {
                    "step": o.step_name,
                    "reviewer": o.reviewer.get_username(),
                    "decision": o.decision,
                    "legal_basis": o.legal_basis,
                    "opinion": o.opinion,
                    "on_behalf_of": o.on_behalf_of,
                    "signed_at": o.signed_at.isoformat(),
                }
                for o in r.opinions.all()
            ],
        }
        for r in Review.objects.filter(version__item=item)
        .select_related("version")
        .prefetch_related("opinions__reviewer")
    ]
