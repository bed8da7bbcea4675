"""Building the tantivy query for a parsed query and its filters.

One `QueryBuilder` serves one call of the backend: it reads the index through one `Reading`
(one searcher, each term's document frequency looked up once), which the covering phrases
below and the ranking passes (`tantivy_ranking`) both ask.
"""

import dataclasses
import math
import re
from collections.abc import Iterable

import tantivy

from .. import text
from ..query import Clause, ParsedQuery, Term
from ..words import WordFinder
from .base import Filters
from .tantivy_schema import (
    DOC_NUMBER_BOOST,
    EXACT_TITLE_BOOST,
    KNOWN_ITEM_BOOST,
    WEIGHTS,
    title_exact,
    words_field,
)

# What each matched clause of a relaxed query adds: more than any relevance score reaches, so
# that how many of the query's words a document holds decides the order first.
COVERAGE_BOOST = 1000.0
# tantivy's BM25: a term or phrase scores at most idf × (K1 + 1), whatever its frequency.
K1 = 1.2


def idf(documents: int, frequency: int) -> float:
    """tantivy's BM25 inverse document frequency."""
    return math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5))


def cheapest_cover(frequencies: list[int]) -> list[int]:
    """The positions to keep of a phrase's bigrams, given how many documents hold each: the
    first, the last, the rarest (it leads the intersection of the postings) and at least one
    of any two neighbours, reading the fewest postings."""
    costs = list(frequencies)
    costs[costs.index(min(costs))] = -1  # cheaper kept than left out, whatever else is kept
    # The best choice up to position i that keeps i, and the one that leaves i out (and so
    # keeps i - 1).
    keep: tuple[int, tuple[int, ...]] = (costs[0], (0,))
    skip: tuple[int, tuple[int, ...]] | None = None
    for i in range(1, len(costs)):
        before = keep if skip is None or keep[0] <= skip[0] else skip
        keep, skip = (before[0] + costs[i], (*before[1], i)), keep
    return list(keep[1])


def single_part(query: ParsedQuery) -> str | None:
    """The one part of a query of one word with no alternatives, else None."""
    if len(query.clauses) != 1 or len(query.clauses[0].alternatives) != 1:
        return None
    parts = query.clauses[0].alternatives[0].parts
    return parts[0] if len(parts) == 1 else None


def within(query: tantivy.Query, selection: tantivy.Query) -> tantivy.Query:
    """The documents of `query` that `selection` also matches, scored by `query` alone."""
    return tantivy.Query.boolean_query(
        [
            (tantivy.Occur.Must, query),
            (tantivy.Occur.Must, tantivy.Query.const_score_query(selection, 0.0)),
        ]
    )


@dataclasses.dataclass
class Reading:
    """What one call of the backend reads the index through.

    A query is built up to three times (ranked, counted, sampled) and its ranking bounded with
    the frequencies of the same terms: at a million documents the repeated lookups were a
    third of a long title query's time. One searcher also keeps those frequencies and the
    scores consistent when a commit lands in the middle of a query."""

    searcher: tantivy.Searcher
    frequencies: dict[tuple[str, str], int] = dataclasses.field(default_factory=dict)

    def doc_freq(self, field: str, token: str) -> int:
        key = (field, token)
        if key not in self.frequencies:
            self.frequencies[key] = self.searcher.doc_freq(field, token)
        return self.frequencies[key]


class QueryBuilder:
    """The tantivy queries of one call. With `shortcuts` (the default) a phrase of bigrams is
    looked up by fewer of them and a one-word query's title boosts share one scorer; both give
    the scores of the plain form (see `covering_phrase` and `weights`)."""

    def __init__(
        self, schema: tantivy.Schema, words: WordFinder, reading: Reading, shortcuts: bool = True
    ):
        self.schema = schema
        self.words = words
        self.reading = reading
        self.shortcuts = shortcuts

    @property
    def searcher(self) -> tantivy.Searcher:
        return self.reading.searcher

    def weights(
        self, query: ParsedQuery, fields: Iterable[str] = WEIGHTS, scored: bool = True
    ) -> tuple[dict[str, float], bool]:
        """The field weights of the query's clauses, and whether the known-item title phrase
        still needs a clause of its own."""
        weights = {field: WEIGHTS[field] for field in fields}
        phrase = text.fold(query.title_phrase)
        known_item = scored and len(text.phrase_tokens(phrase)) > 1
        if self.shortcuts and known_item and "title" in weights and single_part(query) == phrase:
            # The known-item phrase is then this very part in the title: one scorer weighted
            # with both boosts gives the score two would, in half the work.
            weights["title"] += KNOWN_ITEM_BOOST
            known_item = False
        return weights, known_item

    def field_query(self, field: str, tokens: list[str]) -> tantivy.Query:
        if len(tokens) == 1:
            token = tokens[0]
            if len(token) == 1:
                # A lone character is the start of a bigram, or a run's last character.
                return tantivy.Query.regex_query(self.schema, field, re.escape(token) + ".?")
            return tantivy.Query.term_query(self.schema, field, token)
        if self.shortcuts and len(tokens) > 2 and all(len(token) == 2 for token in tokens):
            return self.covering_phrase(field, tokens)
        return tantivy.Query.phrase_query(self.schema, field, tokens)

    def covering_phrase(self, field: str, tokens: list[str]) -> tantivy.Query:
        """The phrase of one run's bigrams, looked up by fewer of them, scored as the whole.

        Every bigram pins two characters, so the first, the last and one of any two
        neighbours already spell the run, and a phrase's cost is the postings (and
        positions) it reads: the most common bigrams are left out. Bigrams two positions
        apart are adjacent in the text: between runs the stream holds the next run's first
        character alone (see `text.bigram_text`), never a bigram. BM25 scores a phrase by its
        terms' summed idf times a factor of its frequency and the field's length, which are
        the same for both phrases; a boost restores the idf of the bigrams left out."""
        frequencies = [self.reading.doc_freq(field, token) for token in tokens]
        kept = cheapest_cover(frequencies)
        if 0 in frequencies or len(kept) == len(tokens):
            return tantivy.Query.phrase_query(self.schema, field, tokens)
        documents = self.searcher.num_docs
        whole = sum(idf(documents, n) for n in frequencies)
        part = sum(idf(documents, frequencies[i]) for i in kept)
        phrase = tantivy.Query.phrase_query(self.schema, field, [(i, tokens[i]) for i in kept])
        return tantivy.Query.boost_query(phrase, whole / part)

    def tokens(self, field: str, folded: str) -> tuple[str, list[str]]:
        """Where and what to look up to find `folded` in `field`: the listed word itself in
        the field's words companion, or the phrase of its bigrams in the field."""
        if folded in self.words:
            return words_field(field), [folded]
        return field, text.phrase_tokens(folded)

    def substring_query(self, field: str, folded: str) -> tantivy.Query:
        """Documents whose `field` holds `folded`."""
        return self.field_query(*self.tokens(field, folded))

    def part_query(
        self, part: str, weights: dict[str, float], inside: tantivy.Query | None = None
    ) -> tantivy.Query:
        """`part` in any of the weighted fields; only in the documents `inside` matches, when
        given, restricted at each field's lookup (see the backend's `_total`)."""
        lookups = []
        for field, weight in weights.items():
            found = self.substring_query(field, part)
            if inside is not None:
                found = within(found, inside)
            lookups.append((tantivy.Occur.Should, tantivy.Query.boost_query(found, weight)))
        return tantivy.Query.boolean_query(lookups)

    def term_query(
        self,
        term: Term,
        weights: dict[str, float] = WEIGHTS,
        inside: tantivy.Query | None = None,
    ) -> tantivy.Query:
        parts = [self.part_query(p, weights, inside) for p in term.parts if text.runs(p)]
        if len(parts) == 1:
            return parts[0]
        return tantivy.Query.boolean_query([(tantivy.Occur.Must, p) for p in parts])

    def clause_query(
        self, clause: Clause, weights: dict[str, float], inside: tantivy.Query | None = None
    ) -> tantivy.Query:
        alternatives = [self.term_query(term, weights, inside) for term in clause.alternatives]
        if len(alternatives) == 1:
            return alternatives[0]
        return tantivy.Query.boolean_query([(tantivy.Occur.Should, a) for a in alternatives])

    def text_query(
        self,
        query: ParsedQuery,
        fields: Iterable[str] = WEIGHTS,
        occur: tantivy.Occur = tantivy.Occur.Must,
        scored: bool = True,
        inside: tantivy.Query | None = None,
    ) -> tantivy.Query | None:
        """Every clause must match somewhere (`occur` Should: any clause may, which is how the
        title pass finds its candidates), plus, when `scored`, the known-item boosts (which
        change the order, never the matches). `inside`: see `part_query`."""
        if not query.clauses:
            return None
        weights, known_item = self.weights(query, fields, scored)
        if query.relaxed:
            occurs = [(tantivy.Occur.Should, q) for q in self.covered(query, weights, inside)]
        else:
            occurs = [(occur, self.clause_query(c, weights, inside)) for c in query.clauses]
        if scored:
            occurs += [(tantivy.Occur.Should, q) for q in self.title_boosts(query, known_item)]
        return tantivy.Query.boolean_query(occurs)

    def covered(
        self, query: ParsedQuery, weights: dict[str, float], inside: tantivy.Query | None
    ) -> list[tantivy.Query]:
        """A relaxed query's clauses, each optional and each worth `COVERAGE_BOOST` on top of
        its relevance when it matches: a document holding more of the words ranks above one
        holding fewer, however often it repeats them."""
        found = []
        for clause in query.clauses:
            matched = self.clause_query(clause, weights, inside)
            coverage = tantivy.Query.const_score_query(matched, COVERAGE_BOOST)
            found.append(
                tantivy.Query.boolean_query(
                    [(tantivy.Occur.Must, matched), (tantivy.Occur.Should, coverage)]
                )
            )
        return found

    def title_boosts(self, query: ParsedQuery, known_item: bool) -> list[tantivy.Query]:
        """What lifts the item whose title the query is, or holds as a phrase (`known_item`,
        see `weights`): it changes the order, never the matches."""
        phrase = text.fold(query.title_phrase)
        found = []
        if known_item:
            in_title = self.substring_query("title", phrase)
            found.append(tantivy.Query.boost_query(in_title, KNOWN_ITEM_BOOST))
        exact = title_exact(phrase)
        if exact:
            title_is = tantivy.Query.term_query(self.schema, "title_exact", exact)
            found.append(tantivy.Query.const_score_query(title_is, EXACT_TITLE_BOOST))
        return found

    def exact_queries(self, query: ParsedQuery) -> list[tantivy.Query]:
        found = []
        if query.doc_number_key:
            found.append(
                tantivy.Query.term_query(self.schema, "doc_number_keys", query.doc_number_key)
            )
        if query.index_number:
            found.append(tantivy.Query.term_query(self.schema, "index_number", query.index_number))
        if query.bare_sequence:
            found.append(tantivy.Query.term_query(self.schema, "doc_seq", query.bare_sequence))
        return [tantivy.Query.const_score_query(q, DOC_NUMBER_BOOST) for q in found]

    def filter_queries(self, filters: Filters) -> list[tantivy.Query]:
        schema, found = self.schema, []
        term = tantivy.Query.term_query
        if filters.agency_path:
            found.append(term(schema, "agency_paths", filters.agency_path))
        for name in ("topic", "genre", "validity", "disclosure", "kind"):
            value = getattr(filters, name)
            if value:
                found.append(term(schema, name, value))
        if filters.year:
            found.append(term(schema, "year", filters.year))
        if filters.date_from or filters.date_to:
            low = int(filters.date_from.strftime("%Y%m%d")) if filters.date_from else None
            high = int(filters.date_to.strftime("%Y%m%d")) if filters.date_to else None
            found.append(
                tantivy.Query.range_query(schema, "day", tantivy.FieldType.Integer, low, high)
            )
        return found

    def hidden(self, filters: Filters) -> tantivy.Query | None:
        """The documents the searcher may not see: unpublished ones, but for the drafts of
        the agencies a staff member works for. Excluded rather than the visible ones
        required, because drafts are few: leaving out a short posting list is nearly free,
        where requiring the list of every published document costs a lookup per match."""
        term = tantivy.Query.term_query
        unpublished = term(self.schema, "visibility", "staff")
        if filters.public_only:
            return unpublished
        if filters.all_drafts:
            return None
        own = [term(self.schema, "agency_id", i) for i in sorted(filters.draft_agency_ids)]
        own += [term(self.schema, "agency_paths", p) for p in sorted(filters.draft_agency_paths)]
        return tantivy.Query.boolean_query(
            [(tantivy.Occur.Must, unpublished)] + [(tantivy.Occur.MustNot, q) for q in own]
        )

    def restricted(
        self, matcher: tantivy.Query, query: ParsedQuery, filters: Filters
    ) -> tantivy.Query:
        """`matcher` within the filters, without the excluded terms and what is hidden."""
        occurs = [(tantivy.Occur.Must, matcher)]
        occurs += [
            (tantivy.Occur.Must, tantivy.Query.const_score_query(f, 0.0))
            for f in self.filter_queries(filters)
        ]
        occurs += [
            (tantivy.Occur.MustNot, self.term_query(term))
            for term in query.excludes
            if any(text.runs(p) for p in term.parts)
        ]
        hidden = self.hidden(filters)
        if hidden is not None:
            occurs.append((tantivy.Occur.MustNot, hidden))
        return tantivy.Query.boolean_query(occurs)

    def build(
        self, query: ParsedQuery, filters: Filters, *, scored: bool = True, sampled: bool = False
    ) -> tantivy.Query | None:
        """The tantivy query for a parsed query and filters; None when nothing can match.
        Unless `scored`, without the parts that only rank (what counting needs); when
        `sampled`, only in the sample bucket (see the backend's `_total`)."""
        sample = tantivy.Query.term_query(self.schema, "sample", 0) if sampled else None
        matchers = self.exact_queries(query)
        if sample is not None:
            matchers = [within(m, sample) for m in matchers]
        text_query = self.text_query(query, scored=scored, inside=sample)
        if text_query is not None:
            matchers.append(text_query)
        if not matchers:
            if not query.match_all:
                return None
            matchers.append(sample or tantivy.Query.all_query())
        matcher = (
            matchers[0]
            if len(matchers) == 1
            else tantivy.Query.boolean_query([(tantivy.Occur.Should, m) for m in matchers])
        )
        return self.restricted(matcher, query, filters)
