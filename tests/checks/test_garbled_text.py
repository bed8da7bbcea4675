"""Pinyin glosses, mojibake and HTML debris are caught; ordinary brackets and ASCII are not."""

import pytest

from .support import found, found_texts


def test_pinyin_gloss_after_a_character_is_found_and_deletion_suggested():
    text = "牟定縣信訪局政府信息與政務(wù)公開工作"
    [finding] = found(text, "garbled_text")
    assert finding.text == "(wù)"
    assert text[finding.start - 1] == "務"
    assert finding.suggestion == "删除「(wù)」"


@pytest.mark.parametrize(
    ("text", "debris"),
    [
        ("促进政务公开工作有序?。", "?"),
        ("公开了\ufffd\ufffd信息", "\ufffd\ufffd"),
        ("关于æ”¿åºœå…¬å¼€的通知", "æ”¿åºœå…¬å¼€"),
        ("关于做好鏀垮簻信息公开的通知", "鏀垮簻"),
        ("各股室</font>主动将工作同政务公开挂钩", "</font>"),
        ("主动公开&nbsp;政府信息", "&nbsp;"),
    ],
)
def test_mojibake_and_html_debris_are_found(text, debris):
    assert debris in found_texts(text, "garbled_text")


def test_entity_suggestion_is_the_character_it_stands_for():
    [finding] = found("城乡居民&amp;农村", "garbled_text")
    assert finding.suggestion == "&"


@pytest.mark.parametrize(
    "text",
    [
        "申请人（公民）可以当面提交申请。",
        "附件(A)：政府信息公开申请表",
        "是否公开? 请予答复。",
        "温度范围 1<x<5 之间",
        "详见第(一)项。",
        "Beijing (China) office",
    ],
)
def test_ordinary_text_is_not_garbled(text):
    assert found(text, "garbled_text") == []
