"""The public status lookup: finding a case by its tracking code and phone, rate-limited,
and the reply letters it may download."""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from ..ledger import EventKind
from ..models import (
    TRACKING_LENGTH,
    Application,
    DeliveryMethod,
    LetterKind,
    StatusLookup,
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
    if case is None or _digits(case.phone) != _digits(phone) or not _digits(phone):
        return None
    return case


def lookup_allowed(client: str, limit: int) -> bool:
    """Record one lookup by `client` and say whether it is within `limit` per 15 minutes."""
    now = timezone.now()
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{client}".encode()).hexdigest()
    StatusLookup.objects.filter(at__lt=now - timedelta(days=1)).delete()
    recent = StatusLookup.objects.filter(client_digest=digest, at__gte=now - timedelta(minutes=15))
    if recent.count() >= limit:
        return False
    StatusLookup.objects.create(client_digest=digest)
    return True


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())
