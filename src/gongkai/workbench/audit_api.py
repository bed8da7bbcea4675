"""JSON API of the audit trail (read-only)."""

from rest_framework import mixins, serializers

from gongkai.core.models import AuditEvent
from gongkai.web.viewsets import StaffScopedViewSet


class AuditEventSerializer(serializers.ModelSerializer):
    class Meta:
        model = AuditEvent
        fields = [
            "seq",
            "at",
            "actor",
            "actor_label",
            "agency",
            "record_type",
            "record_id",
            "record_label",
            "action",
            "before",
            "after",
            "correlation_id",
            "hash",
        ]


class AuditEventViewSet(StaffScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    queryset = AuditEvent.objects.all()
    serializer_class = AuditEventSerializer
    view_action = "audit.view"
    filterset_fields = ["agency", "record_type", "action", "correlation_id"]
