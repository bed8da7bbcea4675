"""The API's one translation of a refused action into a 400 answer.

A service's `Refused` becomes `{field or "non_field_errors": [message]}`; a transition form's
errors come back as the form gives them, field by field; a body the parsers cannot read is a
400 in Chinese. Django's PermissionDenied is a 403 that keeps the service's reason (DRF would
put its generic text in its place).
"""

from django.core.exceptions import PermissionDenied
from rest_framework import status
from rest_framework.exceptions import ParseError
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from gongkai.lib.errors import Refused
from gongkai.lib.workflow import InvalidInput

from .parsers import BodyRefused


def exception_handler(exc, context):
    if isinstance(exc, InvalidInput):
        errors = {name: [str(e) for e in found] for name, found in exc.form.errors.items()}
        errors["non_field_errors"] = errors.pop("__all__", [])
        return Response(_without_empty(errors), status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, Refused):
        field = exc.field or "non_field_errors"
        return Response({field: [exc.message]}, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, ParseError):
        # DRF's parsers say why in English ("JSON parse error - Expecting value …"); ours
        # (web/parsers.py) already say it in Chinese.
        detail = str(exc.detail) if isinstance(exc, BodyRefused) else _unreadable(context)
        return Response({"detail": detail}, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, PermissionDenied) and str(exc):
        return Response({"detail": str(exc)}, status=status.HTTP_403_FORBIDDEN)
    return drf_exception_handler(exc, context)


def _unreadable(context) -> str:
    request = context.get("request")
    content_type = getattr(request, "content_type", "") or ""
    if "json" in content_type:
        return "请求内容不是有效的 JSON，无法读取；请检查括号、引号和逗号。"
    return "请求内容格式错误，无法读取。"


def _without_empty(errors: dict) -> dict:
    return {name: found for name, found in errors.items() if found}
