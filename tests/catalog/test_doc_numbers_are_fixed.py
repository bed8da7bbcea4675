"""文号 are kept in the standard form 机关代字〔年份〕序号号; common slips are fixed, the rest
refused."""

import pytest

from gongkai.lib.doc_numbers import DocNumberError, normalize


@pytest.mark.parametrize(
    ("given", "expected", "fixed"),
    [
        ("国办发〔2019〕26号", "国办发〔2019〕26号", False),
        ("国务院令第711号", "国务院令第711号", False),
        ("国令第707号", "国令第707号", False),
        ("", "", False),
        ("某民发[2026]3号", "某民发〔2026〕3号", True),
        ("某民发(2026)03号", "某民发〔2026〕3号", True),
        ("某民发【2026】第3号", "某民发〔2026〕3号", True),
        ("某民发（2026）３号", "某民发〔2026〕3号", True),
        ("某民发2026年3号", "某民发〔2026〕3号", True),
        ("某民发 〔2026〕 026号", "某民发〔2026〕26号", True),
        ("国务院令711号", "国务院令第711号", True),
    ],
)
def test_standard_and_fixable_forms(given, expected, fixed):
    result = normalize(given)
    assert (result.text, result.fixed) == (expected, fixed)


@pytest.mark.parametrize(
    "given", ["某民发〔2026〕", "关于某事", "〔2026〕3号", "某民发〔2026〕0号"]
)
def test_unreadable_numbers_get_a_chinese_reason(given):
    with pytest.raises(DocNumberError, match="机关代字〔年份〕序号号"):
        normalize(given)
