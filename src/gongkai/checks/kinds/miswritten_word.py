"""Mis-written words: classic 错别字 and the damage done by automatic rewriting tools."""

import re
from collections.abc import Iterator

from ..checker import Checker, register
from ..findings import Finding, Severity
from ..lists import ListData
from ..matching import PhraseMatcher


@register
class MiswrittenWord(Checker):
    kind = "miswritten_word"
    severity = Severity.WARN

    def __init__(self, data: ListData) -> None:
        super().__init__(data)
        pairs: dict[str, tuple[str, str] | None] = {}
        for wrong, right in (data.get("typo") or {}).items():
            pairs[wrong] = (right, "typo")
        for wrong, right in (data.get("rewriter") or {}).items():
            pairs[wrong] = (right, "rewriter")
        # Leftmost-longest matching lets a listed correct phrase cover the wrong form inside it.
        for phrase in data.get("correct", []):
            pairs[phrase] = None
        self.matcher = PhraseMatcher(pairs)
        self.contextual = [
            (
                re.compile(re.escape(entry["wrong"]) + f"(?={entry['followed_by']})"),
                entry["wrong"],
                entry["right"],
                entry.get("reason", ""),
            )
            for entry in data.get("contextual", [])
        ]

    def find(self, text: str) -> Iterator[Finding]:
        for start, end, pair in self.matcher.finditer(text):
            if pair is None:
                continue
            right, source = pair
            wrong = text[start:end]
            if source == "rewriter":
                message = (
                    f"「{wrong}」应为「{right}」。这是自动改写（“伪原创”）工具替换近义词造成的"
                    "错误，同一文件中往往还有多处，请对照原文通篇核对。"
                )
            else:
                message = f"「{wrong}」是错别字，应为「{right}」。"
            yield self.finding(start, end, text, message, suggestion=right)
        for pattern, wrong, right, reason in self.contextual:
            for match in pattern.finditer(text):
                yield self.finding(
                    *match.span(),
                    text,
                    f"此处「{wrong}」应为「{right}」：{reason}。",
                    suggestion=right,
                )
