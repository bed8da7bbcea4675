"""Applicants' identity numbers: the resident ID check digit, masking, and encryption at rest.

A 居民身份证号码 (GB 11643-1999) is 17 digits and a check character computed with ISO 7064
MOD 11-2. Identity numbers are personal information: they are stored encrypted with a key from
the environment (`GONGKAI_ID_NUMBER_KEYS`, comma-separated Fernet keys, newest first, so a key
can be rotated) and shown masked everywhere except inside the case to its own agency's staff.
"""

import base64
import hashlib
import hmac
from datetime import date
from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings

# ISO 7064 MOD 11-2 weights of positions 1-17 (2^(17-i) mod 11) and the check characters.
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARACTERS = "10X98765432"


class IdentityError(ValueError):
    """An identity number that cannot be right; the message is shown to the user."""


def resident_id_check_character(first17: str) -> str:
    total = sum(int(ch) * w for ch, w in zip(first17, WEIGHTS, strict=True))
    return CHECK_CHARACTERS[total % 11]


def validate_resident_id(number: str) -> str:
    """The normalised 18-character resident ID, or IdentityError saying what is wrong."""
    number = number.strip().upper().replace(" ", "")
    if len(number) != 18:
        raise IdentityError(f"居民身份证号码应为18位，当前为{len(number)}位")
    # isascii: «²» and «٣» are digits to isdigit() and no number to int().
    if (
        not number.isascii()
        or not number[:17].isdigit()
        or not (number[17].isdigit() or number[17] == "X")
    ):
        raise IdentityError("居民身份证号码前17位应为数字，最后一位为数字或X")
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise IdentityError("居民身份证号码中的出生日期不存在") from None
    if born > date.today() or born.year < 1900:
        raise IdentityError("居民身份证号码中的出生日期不合理")
    expected = resident_id_check_character(number[:17])
    if number[17] != expected:
        raise IdentityError("居民身份证号码校验位不正确，请核对后重新填写")
    return number


def mask(number: str) -> str:
    """The number with all but the first three and last four characters hidden."""
    if len(number) <= 7:
        return "*" * len(number)
    return number[:3] + "*" * (len(number) - 7) + number[-4:]


@cache
def _cipher(keys: str, secret_key: str) -> MultiFernet:
    if keys:
        return MultiFernet([Fernet(k.strip().encode()) for k in keys.split(",") if k.strip()])
    # Without a dedicated key, one is derived from SECRET_KEY; a deployment sets its own so
    # that changing SECRET_KEY never makes stored numbers unreadable.
    derived = hashlib.sha256(f"gongkai-id-number:{secret_key}".encode()).digest()
    return MultiFernet([Fernet(base64.urlsafe_b64encode(derived))])


def cipher() -> MultiFernet:
    return _cipher(settings.GONGKAI_ID_NUMBER_KEYS, settings.SECRET_KEY)


def encrypt(number: str) -> str:
    return cipher().encrypt(number.encode()).decode() if number else ""


def decrypt(token: str) -> str:
    if not token:
        return ""
    try:
        return cipher().decrypt(token.encode()).decode()
    except InvalidToken:
        return "（无法解密：密钥已更换）"


def applicant_key(*, id_type: str = "", id_number: str = "", credit_code: str = "") -> str:
    """A keyed digest that is equal for the same applicant: ID type and number, or credit code.

    The encrypted number cannot be compared (each encryption differs), yet the per-item fee
    needs to know which applications came from the same applicant; the digest tells that
    without storing the number in the clear.
    """
    if credit_code:
        subject = f"org:{credit_code.strip().upper()}"
    elif id_number:
        subject = f"person:{id_type}:{id_number.strip().upper().replace(' ', '')}"
    else:
        return ""
    return keyed_digest(subject)


def keyed_digest(subject: str) -> str:
    """A digest of personal information that is equal for equal `subject`s and cannot be
    turned back into it without the key: records are matched by it (the same applicant, the
    same hotline caller) while the information itself stays encrypted."""
    return hmac.digest(_digest_key(), subject.encode(), "sha256").hex()


def _digest_key() -> bytes:
    return _digest_key_of(settings.GONGKAI_ID_NUMBER_KEYS, settings.SECRET_KEY)


@cache
def _digest_key_of(configured: str, secret_key: str) -> bytes:
    # The oldest configured key stays in the list longest while newer keys are put in front,
    # so digests stay comparable across a rotation.
    keys = [k.strip() for k in configured.split(",") if k.strip()]
    source = keys[-1] if keys else secret_key
    return hashlib.sha256(f"gongkai-applicant-key:{source}".encode()).digest()
