"""Highlighted titles and snippets: where the query's words are in a result, marked up safely."""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from . import text

SNIPPET_CHARS = 120
_SPACE = re.compile(r"\s+")


def _spans(folded: str, terms: list[str]) -> list[tuple[int, int]]:
    """Non-overlapping (start, end) of every term in `folded`, longest terms first."""
    taken: list[tuple[int, int]] = []
    for term in terms:
        if not term or term.isspace():
            continue
        start = folded.find(term)
        while start >= 0:
            end = start + len(term)
            if all(end <= a or start >= b for a, b in taken):
                taken.append((start, end))
            start = folded.find(term, end)
    return sorted(taken)


def _mark(original: str, spans: list[tuple[int, int]], html: bool) -> str:
    if not html:
        return original
    out, cursor = [], 0
    for start, end in spans:
        out += [escape(original[cursor:start]), "<mark>", escape(original[start:end]), "</mark>"]
        cursor = end
    out.append(escape(original[cursor:]))
    return "".join(out)


def highlight(value: str, terms: list[str]) -> SafeString:
    """`value` escaped, with every occurrence of the (folded) terms in <mark>."""
    folded = text.fold_aligned(value)
    return mark_safe(_mark(value, _spans(folded, terms), html=True))


def snippet(value: str, terms: list[str], *, html: bool = True) -> str:
    """About SNIPPET_CHARS characters of `value` around its first match, marked if `html`."""
    value = _SPACE.sub(" ", value).strip()
    folded = text.fold_aligned(value)
    spans = _spans(folded, terms)
    begin = 0
    if spans:
        begin = max(0, spans[0][0] - SNIPPET_CHARS // 4)
    end = min(len(value), begin + SNIPPET_CHARS)
    window = [
        (max(s, begin) - begin, min(e, end) - begin) for s, e in spans if s < end and e > begin
    ]
    body = _mark(value[begin:end], window, html)
    prefix = "…" if begin > 0 else ""
    suffix = "…" if end < len(value) else ""
    result = prefix + body + suffix
    return mark_safe(result) if html else result
