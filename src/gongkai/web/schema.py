"""The OpenAPI document in the words its readers use: Chinese tags, summaries and descriptions.

The API's paths, fields and codes stay English identifiers; what Swagger UI shows a clerk as
text — each group's name, each operation's one-line summary, the explanations — is Chinese.
Developers' docstrings (English) are not published. An operation that is neither a standard
action nor a transitions endpoint names its summary with `extend_schema(summary=...)`; the test
of the document fails on any operation left without one.
"""

import re

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

    def get_description(self) -> str:
        described = super().get_description()
        return described if chinese(described) else ""


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
