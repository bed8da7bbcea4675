"""A law or body typed in its usual short form finds the titles that spell it out: 个税法
the 个人所得税法, 民诉法解释 the interpretation of the 民事诉讼法, 居委会组织法 the
城市居民委员会组织法."""

import pytest

from gongkai.search import text
from gongkai.search.query import parse

from .conftest import doc, titles

pytestmark = pytest.mark.django_db


def test_a_short_form_is_written_out_inside_a_longer_word():
    assert text.expand_abbreviations("民诉法解释") == "民事诉讼法解释"
    assert text.expand_abbreviations("居委会组织法") == "居民委员会组织法"
    # The longest short form first: 个税法 is not read as 个税 + 法.
    assert text.expand_abbreviations("个税法") == "个人所得税法"
    assert text.expand_abbreviations("个税") == "个人所得税"


def test_text_already_in_full_is_left_alone():
    assert text.expand_abbreviations("个人所得税法") == "个人所得税法"
    assert text.expand_abbreviations("防汛抗旱") == "防汛抗旱"


def test_the_typed_form_stays_the_first_alternative():
    clause = parse("个税法").clauses[0]
    assert [term.text for term in clause.alternatives] == ["个税法", "个人所得税法"]
    assert [term.text for term in parse('"个税法"').clauses[0].alternatives] == ["个税法"]


def test_short_forms_find_the_full_titles(indexed):
    indexed(
        doc(
            "中华人民共和国个人所得税法",
            body="在中国境内有住所的个人，依照本法规定缴纳个人所得税。",
        ),
        doc(
            "中华人民共和国城市居民委员会组织法",
            body="居民委员会是居民自我管理的基层群众性自治组织。",
        ),
        doc(
            "最高人民法院关于适用《中华人民共和国民事诉讼法》的解释",
            body="根据民事诉讼法，结合人民法院民事审判和执行工作实际，制定本解释。",
        ),
        doc("关于做好防汛工作的通知", body="防汛抗旱。"),
    )
    assert titles("个税法") == ["中华人民共和国个人所得税法"]
    assert titles("居委会组织法") == ["中华人民共和国城市居民委员会组织法"]
    assert titles("民诉法解释") == ["最高人民法院关于适用《中华人民共和国民事诉讼法》的解释"]
