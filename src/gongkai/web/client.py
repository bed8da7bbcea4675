"""The one place that decides a request's client address, for every per-client limit (the
login lock-out through django-axes, the status-lookup limit, the limit on public writes).

Behind `GONGKAI_TRUSTED_PROXIES` reverse proxies (nginx in docs/deployment.md: 1), each proxy
appends the address it received the request from to X-Forwarded-For, so the client is the
N-th entry from the right; entries further left are whatever the client wrote and are never
read. With no trusted proxy (the default), the header is ignored: a client reaching the server
directly could otherwise choose its address for each request.
"""

import ipaddress

from django.conf import settings

from gongkai.core import rate_limits


def client_address(request) -> str:
    """The client's IP address as the outermost trusted proxy saw it, else the peer's."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.GONGKAI_TRUSTED_PROXIES
    if proxies <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < proxies:
        # Not through the proxies (a health check on the server itself): the peer it is.
        return remote
    candidate = forwarded[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


def within_limit(request, limit: rate_limits.Limit) -> bool:
    """Count this request under `limit` for its client; False when the client is over it."""
    return rate_limits.within(limit, client_address(request))
