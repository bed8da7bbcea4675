"""Per-client limits on public requests: how many of one kind a client address may make in a
window, counted in the database so that every application server sees the same count.

A `Limit` names what it counts and the setting that says how many; the public status lookup
and the public submission forms (applications now, online messages next) each declare one and
ask `within(limit, client)` once per request they accept, with the address from
`gongkai.web.client`. Staff working in the workbench are never limited.
"""

import hashlib
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from .models import ClientHit

KEPT_FOR = timedelta(days=1)


@dataclass(frozen=True)
class Limit:
    scope: str  # what is counted, e.g. "application"
    setting: str  # the setting holding how many are allowed per window
    window: timedelta
    message: str  # the Chinese answer to a client over the limit

    @property
    def allowed(self) -> int:
        return getattr(settings, self.setting)


def within(limit: Limit, client: str) -> bool:
    """Count one request of `client` under `limit`; False when the window already holds as
    many as allowed (the refused request is not counted)."""
    now = timezone.now()
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{client}".encode()).hexdigest()
    ClientHit.objects.filter(at__lt=now - KEPT_FOR).delete()
    recent = ClientHit.objects.filter(
        scope=limit.scope, client_digest=digest, at__gte=now - limit.window
    )
    if recent.count() >= limit.allowed:
        return False
    ClientHit.objects.create(scope=limit.scope, client_digest=digest)
    return True
