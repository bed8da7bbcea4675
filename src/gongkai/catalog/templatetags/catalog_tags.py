"""Template filters for catalog pages: the Chinese names of check findings."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from gongkai.checks.findings import KIND_LABELS, SEVERITY_LABELS, Severity

register = template.Library()


@register.filter
def finding_kind(kind: str) -> str:
    return KIND_LABELS.get(kind, kind)


@register.filter
def severity_label(severity: str) -> str:
    try:
        return SEVERITY_LABELS[Severity(severity)]
    except ValueError:
        return severity


@register.filter
def paragraphs(text: str) -> str:
    """Each line of a body as its own paragraph, as 公文 are set (escaped first)."""
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    return mark_safe("".join(format_html("<p>{}</p>", line) for line in lines))
