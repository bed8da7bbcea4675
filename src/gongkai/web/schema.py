"""The OpenAPI document in the words its readers use: Chinese tags, summaries and descriptions.

The API's paths, fields and codes stay English identifiers; what Swagger UI shows a clerk as
text — each group's name, each operation's one-line summary, the explanations — is Chinese.
Developers' docstrings (English) are not published. An operation that is neither a standard
action nor a transitions endpoint names its summary with `extend_schema(summary=...)`; the test
of the document fails on any operation left without one.
"""

import re

from django.core.exceptions import FieldDoesNotExist
from drf_spectacular.openapi import AutoSchema

AUDIENCES = {"public": "公开", "apply": "申请人", "staff": "工作人员"}

STANDARD_ACTIONS = {
    "list": "列出{}",
    "retrieve": "查看{}详情",
    "create": "新建{}",
    "update": "修改{}",
    "partial_update": "修改{}的部分字段",
    "destroy": "删除{}",
}
# The one endpoint shape every stateful record shares (web/api_transitions.py).
TRANSITION_ACTIONS = {"transitions", "moves"}

_CJK = re.compile(r"[\u4e00-\u9fff]")
_ENGLISH_PHRASE = re.compile(r"\b[A-Za-z]{3,}\b(?:\s+[A-Za-z]{2,}\b)+")


def chinese(text: str) -> bool:
    """Written for readers in Chinese: Chinese text, with codes at most, not English prose."""
    return bool(_CJK.search(text or "")) and not _ENGLISH_PHRASE.search(text)


class ChineseAutoSchema(AutoSchema):
    def _subject(self) -> str:
        named = getattr(self.view, "schema_subject", "")
        if named:
            return named
        queryset = getattr(self.view, "queryset", None)
        if queryset is not None:
            return str(queryset.model._meta.verbose_name)
        return ""

    def _audience(self) -> str:
        parts = self.path.strip("/").split("/")
        return AUDIENCES.get(parts[1] if len(parts) > 1 else "", "")

    def get_tags(self) -> list[str]:
        subject, audience = self._subject(), self._audience()
        return [f"{subject}（{audience}）" if audience else subject]

    def get_summary(self) -> str | None:
        action = getattr(self.view, "action", None)
        subject = self._subject()
        if action in TRANSITION_ACTIONS:
            if self.method == "GET":
                return f"查看{subject}及当前可执行的操作"
            return f"对{subject}执行一项操作"
        template = STANDARD_ACTIONS.get(action)
        return template.format(subject) if template else None

    def _is_list_view(self, serializer=None) -> bool:
        # A `list` that answers one page object (search: results, facets, notices), not rows.
        if getattr(self.view, "answers_one_object", False):
            return False
        return super()._is_list_view(serializer)

    def _map_serializer_field(self, field, direction, bypass_extensions=False):
        # A blank-allowed URL or e-mail field answers "" when empty, which its format refuses.
        mapped = super()._map_serializer_field(field, direction, bypass_extensions)
        if mapped.get("format") in ("uri", "email") and _may_be_blank(field):
            formatted = {"type": "string", "format": mapped.pop("format")}
            mapped.pop("type", None)
            mapped["anyOf"] = [formatted, {"type": "string", "maxLength": 0}]
        return mapped

    def get_description(self) -> str:
        described = super().get_description()
        return described if chinese(described) else ""


def _may_be_blank(field) -> bool:
    """Whether a serializer field may hold "": it allows blank, or it is a read-only copy of a
    model field declared `blank=True` (DRF gives read-only fields no `allow_blank`)."""
    if getattr(field, "allow_blank", False):
        return True
    model = getattr(getattr(field.parent, "Meta", None), "model", None)
    if not field.read_only or model is None or "." in field.source:
        return False
    try:
        return model._meta.get_field(field.source).blank
    except FieldDoesNotExist:  # a property or method, not a model field
        return False


def speak_chinese(result: dict, generator, request, public) -> dict:
    """Drop the English docstrings drf-spectacular copies into component descriptions, and put
    its few fixed English phrases into Chinese."""
    for component in result.get("components", {}).get("schemas", {}).values():
        if "description" in component and not chinese(component["description"]):
            del component["description"]
    for scheme in result.get("components", {}).get("securitySchemes", {}).values():
        if scheme.get("scheme") == "bearer" or "Token" in scheme.get("description", ""):
            scheme["description"] = "令牌认证：请求头 Authorization: Token <令牌>"
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            for response in operation.get("responses", {}).values():
                if response.get("description") == "No response body":
                    response["description"] = "无响应内容"
    return result


# The answers every operation may give besides its success (web/errors.py): a refusal names the
# field and why, or gives a `detail`. Documented so that a client, and the property-based test
# of the document, know every status code the API can answer.
REFUSAL = {
    "type": "object",
    "description": "拒绝的原因：字段名对应原因列表，或 detail 给出原因",
    # A list field's refusal is given per element: {"exemption_reasons": {"0": ["…"]}}.
    "additionalProperties": {
        "anyOf": [
            {"type": "string"},
            {"type": "array", "items": {"type": "string"}},
            {"type": "object"},
        ]
    },
}
REFUSAL_ANSWERS = {
    "400": "请求内容或参数有误，未执行",
    "401": "未登录或令牌无效",
    "403": "无权执行此操作",
    "404": "对象不存在，或不在本人可见范围内",
    "415": "请求内容的类型不受支持",
    "429": "请求过于频繁，请稍后再试",
}


def document_refusals(result: dict, generator, request, public) -> dict:
    result.setdefault("components", {}).setdefault("schemas", {})["Refusal"] = REFUSAL
    for path, operations in result.get("paths", {}).items():
        for operation in operations.values():
            for code in _refusal_codes(path, operation):
                operation["responses"].setdefault(
                    code,
                    {
                        "description": REFUSAL_ANSWERS[code],
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Refusal"}}
                        },
                    },
                )
    return result


def _refusal_codes(path: str, operation: dict) -> list[str]:
    codes = []
    if "requestBody" in operation or any(
        p.get("in") == "query" for p in operation.get("parameters", [])
    ):
        codes.append("400")
    if "requestBody" in operation:
        codes.append("415")
    if not path.startswith("/api/public/"):
        codes += ["401", "403"]
    if "{" in path:
        codes.append("404")
    if path.startswith("/api/apply/"):
        codes.append("429")
    return codes
