"""统一社会信用代码 (unified social credit code) checks, per GB 32100-2015."""

from dataclasses import dataclass

# GB 32100-2015 §4: the 31 code characters (I, O, Z, S, V are never used) and the
# weights of positions 1-17 (3^(i-1) mod 31).
CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


@dataclass(frozen=True)
class UsccError(ValueError):
    """Why a code is not a valid 统一社会信用代码; `message` is shown to users."""

    message: str

    def __str__(self) -> str:
        return self.message


def check_character(first17: str) -> str:
    """The 18th character that GB 32100-2015 computes from the first 17."""
    total = sum(CHARSET.index(ch) * w for ch, w in zip(first17, WEIGHTS, strict=True))
    return CHARSET[(31 - total % 31) % 31]


def normalize(code: str) -> str:
    return code.strip().upper()


def validate(code: str) -> str:
    """Return the normalised code, or raise UsccError with a message in Chinese."""
    code = normalize(code)
    if len(code) != 18:
        raise UsccError(f"统一社会信用代码应为18位，当前为{len(code)}位")
    bad = sorted({ch for ch in code if ch not in CHARSET})
    if bad:
        raise UsccError(
            "统一社会信用代码含有不允许的字符：" + "、".join(bad) + "（不使用 I、O、S、V、Z）"
        )
    expected = check_character(code[:17])
    if code[17] != expected:
        raise UsccError(f"统一社会信用代码校验位错误：第18位应为“{expected}”，实为“{code[17]}”")
    return code
