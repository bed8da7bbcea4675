"""First passes: the top of a relevance ranking found without scoring every match.

Ranking a common term by scoring each of its hundreds of thousands of body matches is what
makes such a query slow. Instead, a first pass picks at most `HEAD_DEPTH` candidates cheaply,
they are re-scored with the whole query, and that ranking is kept only if no other document
can beat it. There are two such passes, tried in turn: `ranked_by_titles`, then
`ranked_by_terms`. With the covering phrases and the shared title scorer of `QueryBuilder`
they are the backend's ranking shortcuts, switched on and off together
(GONGKAI_SEARCH_SHORTCUTS); each gives the ranking scoring everything gives.
"""

import dataclasses
from collections.abc import Iterable

import tantivy

from .. import text
from ..query import ParsedQuery
from .base import Filters
from .tantivy_indexing import MAX_RANK_FACTOR
from .tantivy_querying import K1, QueryBuilder, idf, single_part, within
from .tantivy_schema import WEIGHTS

# The fields whose matches make a document a candidate of the title pass.
HEAD_FIELDS = ("title", "summary")
# How many candidates a first pass re-scores in full.
HEAD_DEPTH = 100
# Past this many title matches the title pass is skipped (measured at a million documents:
# beyond it the pass costs about what scoring every match does, and its check mostly fails).
HEAD_CANDIDATES = 100_000
# Below this many possible matches scoring them all is quicker than the first pass.
FEW_MATCHES = 20_000
# Room for the difference between live and stored document counts in idf (deletions).
_BOUND_SAFETY = 1.1
# Room for rounding when one pass's score bounds another's (tantivy scores in 32-bit floats).
_FLOAT_SLACK = 1.001


@dataclasses.dataclass(frozen=True)
class Ranking:
    """A relevance ranking a first pass is asked for: the top `need` of `built`."""

    query: ParsedQuery
    filters: Filters
    built: tantivy.Query
    need: int


def applies(sort: str, offset: int, limit: int) -> bool:
    """Whether a first pass may rank this page: the first pages of a relevance sort."""
    return sort == "relevance" and offset + limit <= HEAD_DEPTH // 2


def matches_at_most(query: ParsedQuery, rarest: dict[str, dict[str, int]]) -> int:
    """An upper bound on the documents the whole query matches: every clause must match,
    through one of its alternatives, each of whose parts occurs in some field."""
    return min(
        sum(min(sum(rarest[part].values()) for part in term.parts) for term in clause.alternatives)
        for clause in query.clauses
    )


def ranked_head_first(builder: QueryBuilder, asked: Ranking) -> list | None:
    """The top `need` (score, address) pairs found without scoring every match, or None
    when that cannot be shown to give the same ranking as scoring them all."""
    query = asked.query
    if not query.clauses or query.doc_number_key or query.index_number or query.bare_sequence:
        return None
    if query.relaxed:
        return None  # the bounds below hold for clauses that must all match
    rarest = rarest_per_field(builder, query)
    if matches_at_most(query, rarest) < FEW_MATCHES:
        return None  # scoring every match is cheap enough
    ranked = ranked_by_titles(builder, asked, rarest)
    if ranked is None:
        ranked = ranked_by_terms(builder, asked)
    return ranked


def ranked_by_terms(builder: QueryBuilder, asked: Ranking) -> list | None:
    """The first pass for a query of one word that is one term in every field (a listed
    word, or two characters).

    tantivy skips the blocks of postings that cannot reach its top k (block-max WAND) only
    for a plain disjunction of term queries: no filter, no rank multiplier, no
    constant-score clause. So rank the word's weighted field terms alone that way; any
    document outside their top `HEAD_DEPTH` scores at most the last of them times the
    largest rank multiplier. The known-item boosts, which the disjunction leaves out, are
    added by re-scoring the documents that earn them (a title that is the query, or holds
    it as a phrase) with the candidates.

    (Queries of several words were tried too, as the disjunction of all their terms: at
    a million documents the pass mostly held, but ranking the union of two common words
    cost more than scoring their intersection in full.)
    """
    part = single_part(asked.query)
    if part is None or builder.filter_queries(asked.filters):
        return None  # a filter (visibility aside) is no plain disjunction of terms
    weights, known_item = builder.weights(asked.query)
    for field in weights:
        _, tokens = builder.tokens(field, part)
        if len(tokens) != 1 or len(tokens[0]) < 2:
            return None  # a phrase, or a lone character's regex: no block skipping
    hits = builder.searcher.search(builder.part_query(part, weights), HEAD_DEPTH, count=False).hits
    ceiling = hits[-1][0] * MAX_RANK_FACTOR * _FLOAT_SLACK if len(hits) == HEAD_DEPTH else 0.0
    also = builder.title_boosts(asked.query, known_item)
    return rescored_above(builder, asked, hits, ceiling, also)


def ranked_by_titles(
    builder: QueryBuilder, asked: Ranking, rarest: dict[str, dict[str, int]]
) -> list | None:
    """The first pass over the documents that match in the title or summary (few, and
    cheap to score there): one outside it scores at most the pass's lowest score plus the
    most the body can add (BM25 per term is below idf × (K1 + 1))."""
    query = asked.query
    in_titles = sum(
        rarest[part]["title"]
        for clause in query.clauses
        for term in clause.alternatives
        for part in term.parts
    )
    if in_titles > HEAD_CANDIDATES:
        return None  # scoring that many titles costs what scoring everything does
    head_text = builder.text_query(query, HEAD_FIELDS, tantivy.Occur.Should)
    if head_text is None:
        return None
    head = builder.searcher.search(
        builder.restricted(head_text, query, asked.filters),
        HEAD_DEPTH,
        count=False,
        weight_by_field="rank",
    ).hits
    if len(head) < asked.need:
        return None
    floor = head[-1][0] if len(head) == HEAD_DEPTH else 0.0
    return rescored_above(builder, asked, head, floor + body_bound(builder, query))


def rescored_above(
    builder: QueryBuilder,
    asked: Ranking,
    candidates: list,
    ceiling: float,
    also: Iterable[tantivy.Query] = (),
) -> list | None:
    """The top `need` of `built` among the (score, address) `candidates` and the documents
    `also` matches, re-scored in full; None unless every one of them scores above
    `ceiling`, the most any other document can."""
    searcher = builder.searcher
    uids = searcher.fast_field_values("uid", [address for _, address in candidates])
    # Each a direct term lookup: a term-set query walks the term dictionary, 5 ms at a
    # million documents against 0.4 ms.
    chosen = [tantivy.Query.term_query(builder.schema, "uid", u) for u in uids] + list(also)
    if not chosen:
        return None
    selection = tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in chosen])
    rescored = searcher.search(
        within(asked.built, selection), asked.need, count=False, weight_by_field="rank"
    ).hits
    if len(rescored) < asked.need or rescored[-1][0] <= ceiling:
        return None
    return rescored


def rarest_per_field(builder: QueryBuilder, query: ParsedQuery) -> dict[str, dict[str, int]]:
    """For each part, at most how many documents contain it in each text field: a listed
    word's own count there, or its rarest bigram's (every document for a lone character:
    a regex)."""
    found: dict[str, dict[str, int]] = {}
    for clause in query.clauses:
        for term in clause.alternatives:
            for part in term.parts:
                if part in found or not text.runs(part):
                    found.setdefault(part, dict.fromkeys(WEIGHTS, 0))
                    continue
                found[part] = {}
                for field in WEIGHTS:
                    name, tokens = builder.tokens(field, part)
                    found[part][field] = min(
                        (builder.reading.doc_freq(name, t) for t in tokens if len(t) > 1),
                        default=builder.searcher.num_docs,
                    )
    return found


def body_bound(builder: QueryBuilder, query: ParsedQuery) -> float:
    """The most the body field can add to any document's weighted score for `query`."""
    documents = builder.searcher.num_docs
    bound = 0.0
    for clause in query.clauses:
        for term in clause.alternatives:
            for part in term.parts:
                if not text.runs(part):
                    continue
                name, tokens = builder.tokens("body", part)
                if len(tokens) == 1 and len(tokens[0]) == 1:
                    bound += 1.0  # a lone character is a regex query: constant score 1
                    continue
                frequencies = [builder.reading.doc_freq(name, token) for token in tokens]
                if 0 in frequencies:
                    continue  # the phrase cannot occur in any body
                bound += (K1 + 1) * sum(idf(documents, n) for n in frequencies)
    return bound * WEIGHTS["body"] * MAX_RANK_FACTOR * _BOUND_SAFETY
