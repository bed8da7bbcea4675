"""统一社会信用代码 are accepted only with the GB 32100-2015 check character."""

import pytest

from gongkai.core import uscc

# Codes published by the registered organisations themselves.
PUBLISHED_CODES = ["914403001922038216", "91440300708461136T", "91330100716105852F"]


@pytest.mark.parametrize("code", PUBLISHED_CODES)
def test_published_codes_are_valid(code):
    assert uscc.validate(code) == code


@pytest.mark.parametrize("code", PUBLISHED_CODES)
def test_lower_case_and_spaces_are_normalised(code):
    assert uscc.validate(f"  {code.lower()} ") == code


@pytest.mark.parametrize("code", PUBLISHED_CODES)
def test_every_wrong_check_character_is_rejected(code):
    for wrong in uscc.CHARSET:
        if wrong == code[17]:
            continue
        with pytest.raises(uscc.UsccError) as err:
            uscc.validate(code[:17] + wrong)
        assert f"第18位应为“{code[17]}”" in err.value.message


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("91440300192203821", "应为18位，当前为17位"),
        ("9144030019220382160", "应为18位，当前为19位"),
        ("91440300I922038216", "不允许的字符：I"),
        ("91440300192203821O", "不允许的字符：O"),
    ],
)
def test_malformed_codes_get_a_chinese_reason(code, message):
    with pytest.raises(uscc.UsccError) as err:
        uscc.validate(code)
    assert message in str(err.value)


def test_a_single_changed_digit_is_caught():
    code = PUBLISHED_CODES[0]
    changed = code[:5] + ("1" if code[5] != "1" else "2") + code[6:]
    with pytest.raises(uscc.UsccError):
        uscc.validate(changed)
