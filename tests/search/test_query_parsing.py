"""The query language: words, "phrases", -exclusions, OR; parsing never fails."""

from gongkai.search.query import MAX_QUERY_CHARS, parse


def test_words_are_all_required():
    query = parse("营商环境 条例")
    assert [c.alternatives[0].text for c in query.clauses] == ["营商环境", "条例"]
    assert not query.excludes


def test_phrases_exclusions_and_or():
    query = parse('"行政 复议" -诉讼 低保 OR 救助')
    assert query.clauses[0].alternatives[0].exact
    assert query.clauses[0].alternatives[0].text == "行政 复议"
    assert [t.text for t in query.excludes] == ["诉讼"]
    alternatives = {t.text for t in query.clauses[1].alternatives}
    assert {"低保", "最低生活保障", "救助"} <= alternatives


def test_chinese_quotes_are_phrases():
    assert parse("「信息公开」").clauses[0].alternatives[0].exact
    assert parse("“信息公开”").clauses[0].alternatives[0].exact


def test_long_words_are_split_into_dictionary_words():
    term = parse("政府信息公开条例规定").clauses[0].alternatives[0]
    assert "政府信息公开条例" in term.parts
    assert all(len(part) >= 2 for part in term.parts)


def test_unbalanced_quote_is_a_phrase_with_a_notice():
    query = parse('"信息公开 条例')
    assert query.clauses[0].alternatives[0].exact
    assert query.notices


def test_nothing_searchable():
    for typed in ["", "   ", "*", "%%", "'); --", "\ud800", "^$.*+?()[]{}|\\"]:
        assert parse(typed).empty, typed


def test_lone_surrogates_are_dropped():
    query = parse("信息\ud800公开")
    assert query.clauses[0].alternatives[0].text == "信息公开"


def test_long_input_is_cut_with_a_notice():
    query = parse("政府" * 5000)
    assert len(query.raw) == 10000
    assert query.notices
    assert sum(len(p) for c in query.clauses for t in c.alternatives for p in t.parts) <= (
        MAX_QUERY_CHARS
    )


def test_doc_number_and_index_number_are_recognised():
    assert parse("国办发[2019]26号").doc_number_key == "国办发2019-26"
    assert parse("26号文").bare_sequence == "26"
    assert parse("000014349/2019-00007").index_number == "000014349/2019-00007"
    assert not parse("000014349/2019-00007").clauses
