"""The public status lookup: finding a case by its tracking code and phone, and the reply
letters it may download (the lookups per address are limited by `limits.STATUS_LOOKUP`)."""

from gongkai.lib.phones import phone_digits

from ..ledger import EventKind
from ..models import (
    TRACKING_LENGTH,
    Application,
    DeliveryMethod,
    LetterKind,
    normalize_tracking_code,
)


def online_replies(case: Application) -> list:
    """The reply letters an applicant who chose 网上获取 may download from the status page:
    only once delivery is recorded, so the clock and the letter agree on when he got it."""
    if case.delivery_method != DeliveryMethod.ONLINE:
        return []
    if not case.events.filter(kind=EventKind.DELIVERED).exists():
        return []
    return list(case.letters.filter(kind=LetterKind.REPLY).order_by("id"))


def find_by_tracking(code: str, phone: str) -> Application | None:
    """The case with this tracking code whose applicant gave this phone number, if any."""
    code = normalize_tracking_code(code)
    if len(code) != TRACKING_LENGTH:
        return None
    case = Application.objects.select_related("agency").filter(tracking_code=code).first()
    if case is None or phone_digits(case.phone) != phone_digits(phone) or not phone_digits(phone):
        return None
    return case
