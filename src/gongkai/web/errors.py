"""The API's one translation of a refused action into a 400 answer.

A service's `Refused` becomes `{field or "non_field_errors": [message]}`; a transition form's
errors come back as the form gives them, field by field. Django's PermissionDenied is a 403
that keeps the service's reason (DRF would put its generic text in its place).
"""

from django.core.exceptions import PermissionDenied
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from gongkai.lib.errors import Refused
from gongkai.lib.workflow import InvalidInput


def exception_handler(exc, context):
    if isinstance(exc, InvalidInput):
        errors = {name: [str(e) for e in found] for name, found in exc.form.errors.items()}
        errors["non_field_errors"] = errors.pop("__all__", [])
        return Response(_without_empty(errors), status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, Refused):
        field = exc.field or "non_field_errors"
        return Response({field: [exc.message]}, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, PermissionDenied) and str(exc):
        return Response({"detail": str(exc)}, status=status.HTTP_403_FORBIDDEN)
    return drf_exception_handler(exc, context)


def _without_empty(errors: dict) -> dict:
    return {name: found for name, found in errors.items() if found}
