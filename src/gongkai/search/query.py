"""The query language of the search box: words, "phrases", -exclusions and OR.

Parsing never fails: whatever a citizen types becomes a `ParsedQuery`, possibly empty, with
notices that say what was changed (a long query cut short, a quote left open).
"""

import re
import unicodedata
from dataclasses import dataclass, field, replace

from . import text

MAX_QUERY_CHARS = 200
MAX_CLAUSES = 12
# A pasted paragraph segments into dozens of words; past this many the rest adds little.
MAX_PARTS = 16
# Segments this short are joined to their neighbour: a lone 的 or 和 would match nearly
# everything, and joining keeps the query a substring of what it was.
_MIN_PART = 2
_OPEN_QUOTES = {'"': '"', "“": "”", "「": "」", "『": "』", "”": "”"}
_SURROGATES = re.compile(r"[\ud800-\udfff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_OR = {"or", "|", "或"}


@dataclass(frozen=True)
class Term:
    """Matches a document that contains every one of `parts` (folded text) somewhere."""

    text: str
    parts: tuple[str, ...]
    exact: bool = False


@dataclass(frozen=True)
class Clause:
    """Matches a document that matches any of its alternatives (OR, or synonyms)."""

    alternatives: tuple[Term, ...]


@dataclass
class ParsedQuery:
    raw: str
    clauses: list[Clause] = field(default_factory=list)
    excludes: list[Term] = field(default_factory=list)
    doc_number_key: str | None = None
    bare_sequence: str | None = None
    index_number: str | None = None
    notices: list[str] = field(default_factory=list)
    # Set by the service when only filters were given: list everything they allow.
    match_all: bool = False
    # Any clause may match, a document matching more of them ranking first (see `relax`).
    relaxed: bool = False

    @property
    def empty(self) -> bool:
        return not (self.clauses or self.doc_number_key or self.bare_sequence or self.index_number)

    @property
    def title_phrase(self) -> str:
        """The positive words as typed, for putting the item whose title they form first."""
        firsts = [clause.alternatives[0] for clause in self.clauses]
        return " ".join(term.text for term in firsts)

    @property
    def split(self) -> bool:
        """Whether a word of this query was split into its dictionary words."""
        return any(len(t.parts) > 1 for clause in self.clauses for t in clause.alternatives)

    def as_typed(self) -> "ParsedQuery | None":
        """This query with every word that was split into dictionary words searched whole,
        as typed (None when no word was split): what the service tries first."""
        if not self.split:
            return None
        clauses = [
            Clause(
                tuple(
                    Term(term.text, (term.text,), term.exact) if len(term.parts) > 1 else term
                    for term in clause.alternatives
                )
            )
            for clause in self.clauses
        ]
        return replace(self, clauses=clauses, notices=list(self.notices))

    def relax(self) -> "ParsedQuery | None":
        """This query with its words made optional, for when it finds nothing as a whole: a
        word split into dictionary words becomes one clause per word, with that word's
        synonyms (低保标准 → 低保 or 最低生活保障, 标准), and a document matching more clauses
        ranks first. None when there are fewer than two clauses to relax."""
        clauses: list[Clause] = []
        for clause in self.clauses:
            split = len(clause.alternatives) == 1 and len(clause.alternatives[0].parts) > 1
            if not split:
                clauses.append(clause)
                continue
            for part in clause.alternatives[0].parts:
                clauses.append(Clause(_alternatives(Term(part, (part,)))))
        if len(clauses) < 2:
            return None
        return replace(
            self, clauses=clauses[:MAX_CLAUSES], relaxed=True, notices=list(self.notices)
        )

    @property
    def highlight_terms(self) -> list[str]:
        found: list[str] = []
        for clause in self.clauses:
            for term in clause.alternatives:
                found += [term.text, *term.parts]
        return sorted({t for t in found if t}, key=len, reverse=True)


def clean(raw: str) -> str:
    raw = _SURROGATES.sub("", raw)
    raw = _CONTROL.sub(" ", raw)
    return unicodedata.normalize("NFKC", raw).strip()


def _lex(source: str) -> tuple[list[tuple[str, str, bool]], bool]:
    """(kind, text, negated) tokens: kind is "word", "phrase" or "or"; and whether a quote
    was left open."""
    tokens: list[tuple[str, str, bool]] = []
    i, n, unbalanced = 0, len(source), False
    while i < n:
        char = source[i]
        if char.isspace():
            i += 1
            continue
        negated = False
        if char in "-－" and i + 1 < n and not source[i + 1].isspace():
            negated = True
            i += 1
            char = source[i]
        if char in _OPEN_QUOTES:
            close = _OPEN_QUOTES[char]
            end = source.find(close, i + 1)
            if end < 0:
                unbalanced = True
                end = n
            tokens.append(("phrase", source[i + 1 : end], negated))
            i = end + 1
            continue
        j = i
        while j < n and not source[j].isspace() and source[j] not in _OPEN_QUOTES:
            j += 1
        word = source[i:j]
        kind = "or" if word.lower() in _OR and not negated else "word"
        tokens.append((kind, word, negated))
        i = j
    return tokens, unbalanced


def _parts(folded: str) -> tuple[str, ...]:
    """What a bare word requires: its dictionary words, each found anywhere in the item."""
    parts: list[str] = []
    for run in text.runs(folded):
        if len(run) <= 3:
            parts.append(run)
            continue
        pending = ""
        for word in text.segment(run):
            pending += word
            if len(pending) >= _MIN_PART:
                parts.append(pending)
                pending = ""
        if pending:
            if parts:
                parts[-1] += pending
            else:
                parts.append(pending)
    return tuple(dict.fromkeys(parts))[:MAX_PARTS]


def _term(raw: str, exact: bool) -> Term | None:
    folded = text.fold(raw)
    if not text.runs(folded):
        return None
    if exact:
        return Term(folded, (folded,), exact=True)
    return Term(folded, _parts(folded))


def _alternatives(term: Term) -> tuple[Term, ...]:
    """The term, its synonyms (低保 → 最低生活保障), and the term with its short forms
    written out (个税法 → 个人所得税法, 居委会组织法 → 居民委员会组织法): people type the
    short form, titles carry the full one."""
    if term.exact:
        return (term,)
    group = text.synonym_groups().get(term.text, ())
    words = [word for word in group if word != term.text]
    written_out = text.expand_abbreviations(term.text)
    if written_out != term.text and written_out not in group:
        words.append(written_out)
    others = [_term(word, exact=False) for word in words]
    return (term, *[t for t in others if t is not None])


def parse(raw: str) -> ParsedQuery:
    source = clean(raw or "")
    query = ParsedQuery(raw=source)
    if len(source) > MAX_QUERY_CHARS:
        source = source[:MAX_QUERY_CHARS]
        query.notices.append(f"检索词过长，只按前 {MAX_QUERY_CHARS} 个字符检索。")
    if not source:
        return query
    compact = text.fold(source).replace(" ", "")
    query.doc_number_key = text.doc_number_key(source) if len(compact) <= 30 else None
    query.bare_sequence = text.bare_sequence(source)
    if text.looks_like_index_number(source):
        query.index_number = text.index_number_key(source)
    # A 索引号 or a bare serial is a code, not words: searching its digits as text would only
    # find unrelated numbers.
    if query.bare_sequence or query.index_number:
        return query

    tokens, unbalanced = _lex(source)
    if unbalanced:
        query.notices.append("引号未成对，已把未闭合的引号后的内容作为词组检索。")
    pending_or = False
    for kind, word, negated in tokens:
        if kind == "or":
            pending_or = bool(query.clauses)
            continue
        term = _term(word, exact=kind == "phrase")
        if term is None:
            continue
        if negated:
            query.excludes.append(term)
        elif pending_or:
            previous = query.clauses[-1]
            query.clauses[-1] = Clause(previous.alternatives + _alternatives(term))
        else:
            query.clauses.append(Clause(_alternatives(term)))
        pending_or = False
    if len(query.clauses) > MAX_CLAUSES:
        query.clauses = query.clauses[:MAX_CLAUSES]
        query.notices.append(f"检索词过多，只按前 {MAX_CLAUSES} 个检索。")
    return query
