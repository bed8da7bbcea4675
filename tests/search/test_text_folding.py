"""Index and query meet in one folded form: width, script, case; 文号 and 索引号 keys."""

import pytest

from gongkai.search import text


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("ＡＢＣ１２３", "abc123"),
        ("政府資訊公開", "政府信息公开"),
        ("條例", "条例"),
        ("軟體", "软件"),
        ("信息公开", "信息公开"),
    ],
)
def test_fold(typed, folded):
    assert text.fold(typed) == folded


def test_simplified_text_is_not_damaged_by_conversion():
    assert text.fold("严禁破坏土地") == "严禁破坏土地"
    assert text.fold("若干规定的余额") == "若干规定的余额"


def test_a_stray_traditional_character_in_simplified_text_is_mapped_alone():
    assert text.fold("政府信息公開") == "政府信息公开"


# Long enough to take the array path; with characters that fold to several (…, ㈠, ﷺ), to
# nothing, and beyond U+FFFF (𠀀 is a letter, 😀 a separator).
_LONG = "ＡＢＣ《政府信息公开条例》……第㈠项①﷽ 规定：“公開”𠀀字😀。" * 12 + "末尾"


def test_long_text_folds_as_each_character_does():
    expected = "".join(
        text._fold_table().get(ord(char), char) for char in text.to_simplified(_LONG)
    )
    assert len(_LONG) >= text._SHORT
    assert text.fold(_LONG) == expected


@pytest.mark.parametrize("typed", ["", "，。", "a", "信息。公开", "  信息公开  ", _LONG])
def test_bigram_stream_is_the_same_built_run_by_run_or_by_arrays(typed):
    folded = text.fold(typed)
    by_runs = text._bigram_tokens(folded)
    assert text._bigram_stream(text._code_points(folded)).split() == by_runs
    assert text.bigram_text(folded).split() == by_runs


def test_aligned_folding_keeps_positions():
    original = "國務院　ＡＢ條例"
    assert len(text.fold_aligned(original)) == len(original)
    assert text.fold_aligned(original) == "国务院 ab条例"


def test_every_substring_is_a_phrase_of_bigram_tokens():
    folded = text.fold("关于推进政府信息公开工作的通知（2024）")
    stream = text.bigram_text(folded).split()
    for start in range(len("关于推进政府信息公开工作的通知")):
        for end in range(start + 2, len("关于推进政府信息公开工作的通知") + 1):
            needle = text.phrase_tokens(folded[start:end])
            windows = [stream[i : i + len(needle)] for i in range(len(stream))]
            assert needle in windows, folded[start:end]


def test_segmentation_uses_the_domain_dictionary():
    assert "政府信息公开条例" in text.segment("政府信息公开条例规定")
    assert "最低生活保障" in text.segment("申请最低生活保障的条件")


@pytest.mark.parametrize(
    "typed",
    [
        "国办发〔2019〕26号",
        "国办发[2019]26号",
        "国办发2019年26号",
        "国办发（2019）26号",
        "国办发［2019］第26号",
        "国办发〘2019〙26号",
        "国办发﹝2019﹞26号",
        "国办发【2019】26号",
    ],
)
def test_doc_number_forms_share_one_key(typed):
    assert text.doc_number_key(typed) == "国办发2019-26"


def test_bare_sequence():
    assert text.bare_sequence("26号文") == "26"
    assert text.bare_sequence("第26号") == "26"
    assert text.bare_sequence("26个文件") is None


def test_index_number():
    assert text.looks_like_index_number("000014349/2019-00007")
    assert text.looks_like_index_number("11350100MB1234567X-01-2024-0001")
    assert not text.looks_like_index_number("信息公开")
    assert text.index_number_key(" ００００１４３４９/2019-00007 ") == "000014349/2019-00007"


def test_agency_path_prefixes():
    assert text.agency_path_prefixes("/01/04/09/") == ["/01/", "/01/04/", "/01/04/09/"]


def test_synonym_groups_are_symmetric():
    groups = text.synonym_groups()
    assert "最低生活保障" in groups["低保"]
    assert "低保" in groups["最低生活保障"]


def test_warm_up_builds_the_tables_a_first_search_would_wait_for():
    text._tables.cache_clear()
    text._phrase_converter.cache_clear()
    text.warm_up()
    assert text._tables.cache_info().currsize == 1
    assert text._phrase_converter.cache_info().currsize == 1


def test_a_web_worker_builds_them_as_it_starts():
    import importlib
    import sys

    text._tables.cache_clear()
    sys.modules.pop("gongkai.wsgi", None)
    importlib.import_module("gongkai.wsgi")
    assert text._tables.cache_info().currsize == 1
