"""JSON API of interpretations: the public list of published interpretations; the staff
endpoints that list, show and draft interpretations and move them (`INTERPRETATION_WORKFLOW`),
and that list policy documents with their interpretations and record a reason one needs none
(`DOCUMENT_WORKFLOW`). Their text, files, review and publication go through the catalog items'
endpoints, like any item's."""

from django.urls import reverse
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from gongkai.agencies.models import Agency, InternalUnit
from gongkai.catalog.models import InfoItem
from gongkai.web import api_transitions
from gongkai.web.api_transitions import transition_serializer
from gongkai.web.permissions import PublicReadOnly
from gongkai.web.viewsets import StaffScopedViewSet

from . import policy, services
from .elements import InterpretationForm
from .models import Interpretation
from .public import published_interpretations
from .workflow import DOCUMENT_WORKFLOW, INTERPRETATION_WORKFLOW


class PublicInterpretationSerializer(serializers.ModelSerializer):
    """A published interpretation as the portal shows it, with the published documents it
    interprets."""

    item = serializers.IntegerField(source="item.pk")
    index_no = serializers.CharField(source="item.index_no")
    title = serializers.CharField(source="item.published_version.title")
    form_display = serializers.CharField(source="get_form_display")
    author_unit = serializers.StringRelatedField()
    published_at = serializers.DateTimeField(source="item.published_at")
    documents = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()

    class Meta:
        model = Interpretation
        fields = [
            "id",
            "agency",
            "item",
            "index_no",
            "title",
            "form",
            "form_display",
            "author_unit",
            "published_at",
            "documents",
            "url",
        ]

    @extend_schema_field(serializers.ListField(child=serializers.DictField()))
    def get_documents(self, obj) -> list[dict]:
        return [
            {
                "item": d.pk,
                "title": d.published_version.title,
                "url": reverse("disclosure:item", args=[d.pk]),
            }
            for d in obj.public_documents
        ]

    def get_url(self, obj) -> str:
        return reverse("disclosure:item", args=[obj.item_id])


class PublicInterpretationViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [PublicReadOnly]
    authentication_classes: list = []
    serializer_class = PublicInterpretationSerializer
    filterset_fields = ["agency", "form"]
    queryset = published_interpretations()


class StaffInterpretationSerializer(serializers.ModelSerializer):
    """An interpretation with its catalog item's working version; creating one drafts the item
    (its text pre-filled with the element headings when none is given) through the services."""

    agency = serializers.PrimaryKeyRelatedField(queryset=Agency.objects.all())
    item = serializers.IntegerField(source="item.pk", read_only=True)
    index_no = serializers.CharField(source="item.index_no", read_only=True)
    status = serializers.CharField(source="item.status", read_only=True)
    title = serializers.CharField(source="item.current_version.title", max_length=300)
    formed_on = serializers.DateField(source="item.current_version.formed_on", write_only=True)
    summary = serializers.CharField(
        source="item.current_version.summary", max_length=500, required=False, allow_blank=True
    )
    body = serializers.CharField(
        source="item.current_version.body", required=False, allow_blank=True
    )
    form = serializers.ChoiceField(InterpretationForm.choices)
    author_unit = serializers.PrimaryKeyRelatedField(
        queryset=InternalUnit.objects.all(), required=False, allow_null=True
    )
    documents = serializers.PrimaryKeyRelatedField(
        queryset=InfoItem.objects.all(), many=True, allow_empty=False
    )

    class Meta:
        model = Interpretation
        fields = [
            "id",
            "agency",
            "item",
            "index_no",
            "status",
            "title",
            "formed_on",
            "summary",
            "body",
            "form",
            "author_unit",
            "documents",
            "due_on",
            "created_at",
        ]
        read_only_fields = ["due_on", "created_at"]


InterpretationTransitionSerializer = transition_serializer(
    "InterpretationTransitionSerializer",
    INTERPRETATION_WORKFLOW,
    "transition",
    "该操作表单的字段，与工作台相同：如 link、unlink 的 document，describe 的 form、author_unit",
)


class _TransitionsOnView:
    # Each transition checks its own right; reading the list of moves needs only to see it.
    def scope_action(self) -> str:
        if getattr(self, "action", None) == "transitions":
            return self.view_action
        return super().scope_action()


class StaffInterpretationViewSet(
    _TransitionsOnView,
    StaffScopedViewSet,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
):
    queryset = Interpretation.objects.select_related(
        "agency", "item__current_version", "author_unit"
    ).prefetch_related("documents")
    serializer_class = StaffInterpretationSerializer
    view_action, change_action = "item.view", "item.change"
    filterset_fields = ["agency", "form"]

    def perform_create(self, serializer):
        data = serializer.validated_data
        agency = data["agency"]
        self._require_agency(agency)
        serializer.instance = services.create(
            user=self.request.user,
            agency=agency,
            data=data.get("item", {}).get("current_version", {}),
            form=data["form"],
            documents=data["documents"],
            author_unit=data.get("author_unit"),
        )

    @extend_schema(
        request=InterpretationTransitionSerializer, responses=StaffInterpretationSerializer
    )
    @action(detail=True, methods=["get", "post"])
    def transitions(self, request, pk=None, format=None):
        interpretation = self.get_object()
        workflow = INTERPRETATION_WORKFLOW
        if api_transitions.handle(
            workflow, interpretation, request, InterpretationTransitionSerializer, "transition"
        ):
            interpretation = self.get_queryset().get(pk=interpretation.pk)
        listed = api_transitions.available(workflow, interpretation, request.user, "transition")
        data = StaffInterpretationSerializer(interpretation).data
        return Response(data | {"transitions": listed})


class PolicyDocumentSerializer(serializers.ModelSerializer):
    """A policy document with its interpretations and the reason recorded when it needs none."""

    title = serializers.CharField(source="current_version.title")
    genre = serializers.StringRelatedField(source="current_version.genre")
    interpretations = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    no_interpretation_reason = serializers.SerializerMethodField()

    class Meta:
        model = InfoItem
        fields = [
            "id",
            "agency",
            "index_no",
            "title",
            "genre",
            "status",
            "published_at",
            "interpretations",
            "no_interpretation_reason",
        ]
        read_only_fields = fields

    def get_no_interpretation_reason(self, obj) -> str:
        reason = getattr(obj, "no_interpretation_reason", None)
        return reason.reason if reason else ""


DocumentTransitionSerializer = transition_serializer(
    "PolicyDocumentTransitionSerializer",
    DOCUMENT_WORKFLOW,
    "transition",
    "该操作表单的字段，与工作台相同：如 waive 的 reason",
)


class StaffPolicyDocumentViewSet(
    _TransitionsOnView, StaffScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin
):
    # Listing ?unexplained=true: those with neither an interpretation nor a recorded reason.
    queryset = InfoItem.objects.select_related(
        "current_version__genre", "no_interpretation_reason"
    ).prefetch_related("interpretations")
    serializer_class = PolicyDocumentSerializer
    view_action, change_action = "item.view", "item.change"
    filterset_fields = ["agency", "status"]
    schema_subject = "政策文件的解读情况"

    def get_queryset(self):
        # The list holds the policy documents; any item of the user's agencies can be read and
        # asked for its moves (a document whose genre is not marked has none), as on its page.
        rows = super().get_queryset()
        if getattr(self, "action", None) != "list":
            return rows
        if self.request.query_params.get("unexplained") == "true":
            return policy.without_interpretation(rows)
        return policy.policy_documents(rows)

    @extend_schema(request=DocumentTransitionSerializer, responses=PolicyDocumentSerializer)
    @action(detail=True, methods=["get", "post"])
    def transitions(self, request, pk=None, format=None):
        document = self.get_object()
        if api_transitions.handle(
            DOCUMENT_WORKFLOW, document, request, DocumentTransitionSerializer, "transition"
        ):
            document = self.get_queryset().get(pk=document.pk)
        listed = api_transitions.available(DOCUMENT_WORKFLOW, document, request.user, "transition")
        return Response(PolicyDocumentSerializer(document).data | {"transitions": listed})
