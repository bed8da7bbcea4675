"""Non-standard forms of standard political formulations (规范表述)."""

from collections.abc import Iterator

from ..checker import Checker, register
from ..findings import Finding, Severity
from ..lists import ListData
from ..matching import PhraseMatcher


@register
class PoliticalExpression(Checker):
    kind = "political_expression"
    severity = Severity.BLOCK

    def __init__(self, data: ListData) -> None:
        super().__init__(data)
        self.matcher = PhraseMatcher(
            {
                entry["wrong"]: (
                    entry["right"],
                    entry.get("reason", ""),
                    Severity(entry.get("severity", Severity.BLOCK)),
                )
                for entry in data.get("entries", [])
            }
        )

    def find(self, text: str) -> Iterator[Finding]:
        for start, end, (right, reason, severity) in self.matcher.finditer(text):
            wrong = text[start:end]
            yield self.finding(
                start,
                end,
                text,
                f"「{wrong}」不是规范表述，应为「{right}」。{reason}。",
                suggestion=right,
                severity=severity,
            )
