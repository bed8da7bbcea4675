"""Security classification and internal-circulation marks that must not reach the public."""

import re
from collections.abc import Iterator

from ..checker import Checker, register
from ..findings import Finding, Severity
from ..lists import ListData


@register
class SecretMarking(Checker):
    kind = "secret_marking"
    severity = Severity.BLOCK

    def __init__(self, data: ListData) -> None:
        super().__init__(data)
        self.patterns = [
            (
                re.compile(entry["pattern"]),
                entry["label"],
                Severity(entry.get("severity", Severity.BLOCK)),
            )
            for entry in data.get("patterns", [])
        ]

    def find(self, text: str) -> Iterator[Finding]:
        seen: set[tuple[int, int]] = set()
        for pattern, label, severity in self.patterns:
            for match in pattern.finditer(text):
                # A pattern may match context around the mark and name the mark itself "mark".
                group = "mark" if "mark" in pattern.groupindex else 0
                start, end = match.span(group)
                # Several patterns can describe one mark; report it once.
                if any(s <= start < e or start <= s < end for s, e in seen):
                    continue
                seen.add((start, end))
                yield self.finding(
                    start,
                    end,
                    text,
                    f"「{match.group(group).strip()}」是{label}。带有此类标志的文件不得公开发布，"
                    "请确认文件已按规定解密或不属于涉密、内部文件，并删除该标志。",
                    suggestion="删除标志，或撤回不应公开的文件",
                    severity=severity,
                )
