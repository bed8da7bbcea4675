"""The tantivy index's fields: what each holds, how it is tokenized, and how much it weighs.

Chinese text is indexed as character bigrams (every character starts one token, see
`text.bigram_run`), so any substring of a title, summary or body is found by a phrase of its
bigrams; BM25 over those fields, boosted per field, ranks the matches. Each of those fields has
a `_words` companion holding every occurrence of the frequent words (see `words`), which a
query word on that list is looked up in instead, as one term.
"""

import tantivy

from .. import text

# Field weights: a match in the title counts far more than one in the body.
WEIGHTS = {"title": 8.0, "summary": 2.0, "body": 1.0}
DOC_NUMBER_BOOST = 60.0
KNOWN_ITEM_BOOST = 12.0
EXACT_TITLE_BOOST = 40.0
FACET_FIELDS = {
    "agency": "agency",
    "topic": "topic",
    "genre": "genre",
    "year": "year",
    "kind": "kind",
}
# Every document falls in one of these buckets by a hash of its key; bucket 0 is the sample
# that large totals and facet counts are estimated from.
SAMPLE_BUCKETS = 64
# Short fields whose words companion is padded to the field's own token count, so that BM25's
# length normalisation treats a word found there as it treats its phrase: of two titles holding
# the word, the shorter ranks higher. (The body is left unpadded: that would double its tokens,
# and its listed words grow with its length anyway.) The filler is no word character, so never
# a listed word.
LENGTH_MATCHED = {"title", "summary"}
FILLER = "·"


def build_schema() -> tantivy.Schema:
    b = tantivy.SchemaBuilder()
    b.add_text_field("key", stored=True, tokenizer_name="raw", index_option="basic")
    for name in ("index_number", "doc_number_keys", "doc_seq", "agency_paths"):
        b.add_text_field(name, tokenizer_name="raw", index_option="basic")
    # "id:name" of the agency, so that facet buckets carry their own labels.
    for name in ("agency", "topic", "genre", "validity", "disclosure", "visibility", "kind"):
        b.add_text_field(name, tokenizer_name="raw", index_option="basic", fast=True)
    b.add_text_field("title_exact", tokenizer_name="raw", index_option="basic")
    for name in WEIGHTS:
        b.add_text_field(name, tokenizer_name="whitespace", index_option="position")
        b.add_text_field(words_field(name), tokenizer_name="whitespace", index_option="freq")
    b.add_unsigned_field("agency_id", indexed=True, fast=True)
    b.add_unsigned_field("year", indexed=True, fast=True)
    b.add_integer_field("day", indexed=True, fast=True)
    b.add_float_field("rank", fast=True)
    b.add_unsigned_field("uid", indexed=True, fast=True)
    b.add_unsigned_field("sample", indexed=True)
    b.add_bytes_field("stored", stored=True)
    return b.build()


def words_field(field: str) -> str:
    """The companion of a bigram field that holds its frequent words whole."""
    return f"{field}_words"


def title_exact(folded_title: str) -> str:
    """The `title_exact` key of a folded title: its runs of word characters, joined."""
    return "".join(text.runs(folded_title))
