"""Near-miss spellings of listed leaders' names are caught; the correct names are not."""

import pytest

from gongkai.checks import Severity
from gongkai.checks.kinds.leader_name import near_misses

from .support import found


@pytest.mark.parametrize(
    ("text", "variant"),
    [
        ("深入学习贯彻刁近平总书记重要讲话精神。", "刁近平"),
        ("深入学习贯彻习进平总书记重要讲话精神。", "习进平"),
        ("深入学习贯彻习近乎总书记重要讲话精神。", "习近乎"),
        ("国务院总理李墙主持召开国务院常务会议。", "李墙"),
    ],
)
def test_near_miss_of_a_listed_name_blocks(text, variant):
    [finding] = found(text, "leader_name")
    assert finding.text == variant
    assert finding.severity == Severity.BLOCK
    assert finding.suggestion in {"习近平", "李强"}


def test_variants_swap_exactly_one_character():
    variants = near_misses("王沪宁", ["沪护泸", "王汪"])
    assert variants == {"王护宁": "王沪宁", "王泸宁": "王沪宁", "汪沪宁": "王沪宁"}


@pytest.mark.parametrize(
    "text",
    [
        "深入学习贯彻习近平新时代中国特色社会主义思想。",
        "国务院总理李强主持召开国务院常务会议。",
        "该同志执行力强，群众基础好。",
        "村里强化了人居环境整治。",
    ],
)
def test_correct_names_and_ordinary_words_pass(text):
    assert found(text, "leader_name") == []
