"""Frequent words are looked up whole, and find exactly what their bigram phrase finds."""

import io
import random

import pytest
import tantivy
from django.core.management import call_command
from django.core.management.base import CommandError

from gongkai.search import services, text, words
from gongkai.search.backends.base import Filters
from gongkai.search.backends.tantivy_backend import IndexOutdated, TantivyBackend
from gongkai.search.corpus import CorpusSource
from gongkai.search.documents import ListedSource
from gongkai.search.query import parse

from .conftest import doc


def test_every_occurrence_is_found_overlapping_ones_included():
    finder = words.WordFinder(["人民政府", "政府信息公开", "信息公开", "公开"])
    folded = text.fold("县人民政府关于政府信息公开的通知，人民政府人民政府")
    assert finder.occurrences(folded) == [
        "人民政府",
        "政府信息公开",
        "信息公开",
        "人民政府",
        "人民政府",
    ]
    assert "公开" not in finder  # two characters are one bigram already
    assert finder.occurrences("无关文字") == []


@pytest.mark.parametrize("word", ["人民 政府", "人民，政府", "x", "政府", "一" * 13])
def test_only_single_runs_of_three_to_twelve_characters_are_listed(word):
    assert not words.is_word(word)
    assert word not in words.WordFinder([word])


def test_derive_keeps_words_in_enough_documents_counted_as_substrings():
    texts = [text.fold(t) for t in ["县人民政府办公室通知", "市人民政府关于征收的决定"] * 5]
    texts += [text.fold("信息公开工作年度报告")]
    derived = words.derive(texts, min_share=0.5)
    assert "人民政府" in derived  # in 10 of 11, whatever the segmenter made of 县人民政府
    assert "年度报告" not in derived  # in 1 of 11
    assert all(words.is_word(w) for w in derived)
    assert words.derive([]) == []


def test_the_shipped_list_has_the_common_words_of_government_text():
    listed = words.WordFinder.configured()
    assert {"人民政府", "信息公开", "政府信息公开", "监督管理"} <= listed.words
    assert len(listed.words) > 1000


def _addresses(searcher, query) -> set[int]:
    hits = searcher.search(query, searcher.num_docs).hits
    return {(address.segment_ord, address.doc) for _, address in hits}


def test_a_listed_word_matches_exactly_the_documents_of_its_bigram_phrase(corpus_index):
    """Over the whole corpus, in each text field, for common and less common listed words."""
    rng = random.Random(7)
    listed = sorted(corpus_index.words.words)
    sample = ["人民政府", "信息公开", "政府信息公开", *rng.sample(listed, 40)]
    searcher = corpus_index.index.searcher()
    schema = corpus_index.schema
    compared = 0
    for word in sample:
        tokens = text.phrase_tokens(word)
        for field in ("title", "summary", "body"):
            as_word = tantivy.Query.term_query(schema, f"{field}_words", word)
            as_phrase = corpus_index._builder().field_query(field, tokens)
            found = _addresses(searcher, as_word)
            assert found == _addresses(searcher, as_phrase), (word, field)
            compared += len(found)
    assert compared > 10_000


def test_a_listed_word_finds_every_document_that_holds_it(corpus_index):
    documents = list(CorpusSource().documents())
    for word in ["人民政府", "监督管理", "行政机关"]:
        assert word not in text.synonym_groups()  # a synonym would widen the match set
        expected = {
            d.key
            for d in documents
            if any(word in text.fold(t) for t in (d.title, d.summary, d.body, d.attachment_text))
        }
        found = corpus_index.search(parse(f'"{word}"'), Filters(), limit=len(documents))
        got = {hit.key for hit in found.hits}
        assert got == expected
        assert found.total == len(expected)


def test_the_index_is_queried_with_the_list_it_was_built_with(index, settings, tmp_path):
    settings.GONGKAI_SEARCH_DATA_DIR = str(tmp_path)
    (tmp_path / words.FILE_NAME).write_text("县级政府部门\n", encoding="utf-8")
    index.upsert([doc("关于县级政府部门权责清单的通知")])
    index.commit()
    assert "县级政府部门" in index.words
    # The list changes after the build: this index keeps answering with its own copy.
    (tmp_path / words.FILE_NAME).write_text("权责清单\n", encoding="utf-8")
    services.reset_backend()
    engine = services.backend()
    assert "县级政府部门" in engine.words and "权责清单" not in engine.words
    for q in ("县级政府部门", "权责清单"):
        assert engine.search(parse(q), Filters()).total == 1
    # A rebuild takes up the new list.
    built = engine.beside()
    assert "权责清单" in built.words and "县级政府部门" not in built.words


def test_a_serving_process_takes_up_the_list_of_a_rebuild_made_elsewhere(settings, tmp_path):
    settings.GONGKAI_SEARCH_DATA_DIR = str(tmp_path)
    (tmp_path / words.FILE_NAME).write_text("县级政府部门\n", encoding="utf-8")
    rebuilder, server = TantivyBackend(tmp_path / "index"), TantivyBackend(tmp_path / "index")
    rebuilder.upsert([doc("关于县级政府部门权责清单的通知")])
    rebuilder.commit()
    server.refresh()
    assert "县级政府部门" in server.words
    (tmp_path / words.FILE_NAME).write_text("权责清单\n", encoding="utf-8")
    built = rebuilder.beside()
    built.add_new([doc("关于县级政府部门权责清单的通知")])
    rebuilder.swap_in(built)
    server.refresh()
    assert "权责清单" in server.words and "县级政府部门" not in server.words
    # With the old list it would look 县级政府部门 up whole, where the new index no longer has it.
    for q in ("县级政府部门", "权责清单"):
        assert server.search(parse(q), Filters()).total == 1


def test_an_index_without_its_list_must_be_rebuilt(tmp_path):
    engine = TantivyBackend(tmp_path / "index")
    engine.upsert([doc("关于做好政府信息公开工作的通知")])
    engine.commit()
    (tmp_path / "index" / words.FILE_NAME).unlink()
    with pytest.raises(IndexOutdated, match="gongkai reindex"):
        TantivyBackend(tmp_path / "index").search(parse("通知"), Filters())


class FourNotices(ListedSource):
    def __init__(self) -> None:
        super().__init__([doc(f"关于区块链应用场景试点的第{n}号通知") for n in range(4)])


def test_reindex_derives_the_list_from_the_catalog_first(index, settings, tmp_path, db):
    settings.GONGKAI_SEARCH_DATA_DIR = str(tmp_path)
    settings.GONGKAI_SEARCH_SOURCE = "tests.search.test_frequent_words.FourNotices"
    out = io.StringIO()
    call_command("reindex", "--derive-words", stdout=out, stderr=io.StringIO())
    written = (tmp_path / words.FILE_NAME).read_text(encoding="utf-8")
    assert "应用场景" in written.split()
    assert "已生成高频词表" in out.getvalue()
    assert "应用场景" in services.backend().words
    assert services.backend().search(parse("应用场景"), Filters()).total == 4


def test_deriving_needs_a_folder_for_the_list(settings, db):
    settings.GONGKAI_SEARCH_DATA_DIR = ""
    with pytest.raises(CommandError, match="GONGKAI_SEARCH_DATA_DIR"):
        call_command("reindex", "--derive-words", stdout=io.StringIO(), stderr=io.StringIO())
