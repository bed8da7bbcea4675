"""JSON API of appeals (staff only), and the year's table 4."""

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from gongkai.agencies import access
from gongkai.applications.models import Application
from gongkai.applications.services import today
from gongkai.web import params
from gongkai.web.viewsets import StaffScopedViewSet

from .models import CASE_NOT_OURS, Appeal, table4


class AppealSerializer(serializers.ModelSerializer):
    class Meta:
        model = Appeal
        fields = [
            "id",
            "agency",
            "case",
            "kind",
            "appellant",
            "body",
            "reference",
            "filed_on",
            "result",
            "concluded_on",
            "summary",
        ]

    def get_fields(self):
        fields = super().get_fields()
        # Only the cases of agencies where the user records appeals: any other id, existing
        # or not, is answered alike.
        request = self.context.get("request")
        user = getattr(request, "user", None)
        fields["case"].queryset = Application.objects.filter(
            agency__in=access.agencies_for(user, "appeal.change")
        )
        fields["case"].error_messages["does_not_exist"] = CASE_NOT_OURS
        fields["case"].error_messages["incorrect_type"] = CASE_NOT_OURS
        return fields

    def validate(self, attrs):
        instance = Appeal(**({"agency": getattr(self.instance, "agency", None)} | attrs))
        try:
            instance.clean()
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.message_dict) from None
        return attrs


class Table4Serializer(serializers.Serializer):
    year = serializers.IntegerField()
    cells = serializers.ListField(child=serializers.IntegerField(), min_length=15, max_length=15)


class AppealViewSet(StaffScopedViewSet, viewsets.ModelViewSet):
    queryset = Appeal.objects.select_related("agency")
    serializer_class = AppealSerializer
    view_action, change_action = "appeal.view", "appeal.change"
    filterset_fields = ["agency", "kind", "result"]
    http_method_names = ["get", "post", "put", "patch", "head", "options"]

    @extend_schema(
        summary="年度报告表四：行政复议、行政诉讼情况",
        parameters=[OpenApiParameter("year", int, description="年度，默认今年")],
        responses=Table4Serializer,
    )
    @action(detail=False, methods=["get"])
    def table4(self, request, format=None):
        """Table 4 of the annual report over the appeals the user may read."""
        year = params.integer(
            request.query_params.get("year"), minimum=2008, maximum=2100, default=today().year
        )
        return Response({"year": year, "cells": table4(self.get_queryset(), year)})
