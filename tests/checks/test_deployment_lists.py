"""A deployment adds its own entries to the package word lists through GONGKAI_CHECK_LISTS_DIR."""

import pytest

from gongkai.checks import check_text
from gongkai.checks.lists import ListFileError, load_list, merge


def test_merge_extends_lists_and_merges_mappings_key_by_key():
    base = {"names": ["甲"], "known": {"乙": "丙"}, "note": "旧"}
    extra = {"names": ["丁", "甲"], "known": {"戊": "己"}, "note": "新"}
    assert merge(base, extra) == {
        "names": ["甲", "丁"],
        "known": {"乙": "丙", "戊": "己"},
        "note": "新",
    }


def test_local_additions_are_checked_alongside_the_package_lists(tmp_path, settings):
    (tmp_path / "leader_name.yaml").write_text(
        "names:\n  - 张建国\nconfusables:\n  - 建健\n", encoding="utf-8"
    )
    (tmp_path / "spam_injection.yaml").write_text("brands:\n  - 金冠国际\n", encoding="utf-8")
    text = "县长张健国出席会议。金冠国际开业大酧宾。开云体育。"

    assert [f.kind for f in check_text(text)] == ["spam_injection"]

    settings.GONGKAI_CHECK_LISTS_DIR = str(tmp_path)
    findings = check_text(text)
    assert [(f.kind, f.text) for f in findings] == [
        ("leader_name", "张健国"),
        ("spam_injection", "金冠国际"),
        ("spam_injection", "开云体育"),
    ]
    assert findings[0].suggestion == "张建国"


def test_a_broken_list_file_is_named_in_the_error(tmp_path):
    (tmp_path / "spam_injection.yaml").write_text("brands: [未闭合\n", encoding="utf-8")
    with pytest.raises(ListFileError, match=r"spam_injection\.yaml"):
        load_list("spam_injection", tmp_path)


def test_package_lists_hold_the_vocabulary():
    assert "开云体育" in load_list("spam_injection")["brands"]
    assert load_list("miswritten_word")["rewriter"]["原那么"] == "原则"


def test_a_missing_lists_directory_is_an_error_not_silence(tmp_path):
    with pytest.raises(ListFileError, match="不存在"):
        load_list("spam_injection", tmp_path / "missing")
