"""「您是不是要找」: a corrected query for a query that found nothing.

Each word of the query that matches no document is compared with the words of the domain
dictionary and the synonym list; a word one edit away (a wrong, missing or extra character)
that does match documents replaces it.
"""

from collections.abc import Callable
from functools import cache

from . import query as query_module
from . import text


@cache
def lexicon() -> tuple[str, ...]:
    words = set(text.dictionary_words())
    for group in text.synonym_groups().values():
        words.update(group)
    return tuple(sorted(w for w in words if len(w) >= 2))


def _one_edit(a: str, b: str) -> bool:
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _candidates(word: str) -> list[str]:
    return [entry for entry in lexicon() if _one_edit(word, entry)]


def did_you_mean(parsed: query_module.ParsedQuery, count: Callable[[object], int]) -> str:
    """A query string to suggest, or "" when no single-word correction finds anything."""
    typed = parsed.raw
    corrected = typed
    for clause in parsed.clauses:
        term = clause.alternatives[0]
        for part in [term.text, *term.parts]:
            if len(part) < 2 or count(query_module.parse(part)) > 0:
                continue
            scored = [(count(query_module.parse(c)), c) for c in _candidates(part)]
            scored = [(n, c) for n, c in scored if n > 0]
            if scored:
                best = max(scored)[1]
                corrected = text.fold(corrected).replace(part, best)
                break
    return corrected if corrected != typed and corrected != text.fold(typed) else ""
