"""The checked text as HTML with every finding marked in place."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .findings import Finding


def highlighted(text: str, findings: list[Finding]) -> SafeString:
    """Escaped `text` with <mark> around each finding; overlapping findings merge into the
    first, and each mark carries its number so the list and the text point at each other."""
    parts, position = [], 0
    for number, finding in enumerate(findings, start=1):
        if finding.start < position:
            continue
        parts.append(escape(text[position : finding.start]))
        parts.append(
            f'<mark id="finding-{number}" class="finding finding-{finding.severity.value}" '
            f'title="{escape(finding.message)}">{escape(text[finding.start : finding.end])}'
            f"<sup>{number}</sup></mark>"
        )
        position = finding.end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))
