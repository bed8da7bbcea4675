"""Public pages a proxy or a browser may keep: how each public view says what it is.

Three kinds of public page (docs/deployment.md shows the nginx cache that relies on them):

- `public_page`: what anyone reads. An anonymous visit (no session or message cookie) gets no
  cookie and no `Vary: Cookie`, `Cache-Control: public, max-age=GONGKAI_PUBLIC_MAX_AGE`, and an
  ETag from the data version; a conditional request whose ETag still holds is answered 304
  before the view runs. A visit with a session (staff reading the portal) is `private`.
- `form_page`: a page whose form changes something (the application form, the status lookup):
  it sets the CSRF cookie its form needs and is never cached.
- `private_page`: a page of one visitor's own (the receipt of their application): never cached.

The data version is the audit chain's length: every record a public page reads (agencies,
items and their versions and files, topics, guides, reports, holiday schedules) is an
`AuditedModel`, so a publication, revision, withdrawal, repeal or any edit of what the portal
shows lengthens the chain in the same transaction. A narrower counter bumped only by the
catalog's signals would keep an agency's new name or a published report behind a 304.
"""

import hashlib
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.http import parse_etags
from django.views.decorators.csrf import ensure_csrf_cookie

from gongkai.core.models import AuditChainHead

# The message framework's cookie (django.contrib.messages.storage.cookie.CookieStorage).
MESSAGES_COOKIE = "messages"
# Marks the request of an anonymous visit to a public page, read by the base template (which
# then leaves out the CSRF token it offers to htmx) and by PublicCacheMiddleware.
CACHEABLE = "public_cacheable"


def private_cookies() -> tuple[str, str]:
    """Cookies that make a page the visitor's own; nginx bypasses its cache on the same ones."""
    return (settings.SESSION_COOKIE_NAME, MESSAGES_COOKIE)


def is_anonymous_visit(request: HttpRequest) -> bool:
    return request.method in ("GET", "HEAD") and not any(
        name in request.COOKIES for name in private_cookies()
    )


def data_version() -> int:
    head = AuditChainHead.objects.values_list("seq", flat=True).first()
    return head or 0


def etag_for(request: HttpRequest) -> str:
    """What the page shows depends on the data, the release's templates, the day (a list of
    years, a deadline's provisional note), and the address asked for (host included: the
    item page's QR code carries it)."""
    parts = (
        settings.GONGKAI_RELEASE,
        str(data_version()),
        timezone.localdate().isoformat(),
        request.get_host(),
        request.get_full_path(),
    )
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]
    return f'"{digest}"'


def _mark_public(response: HttpResponse, etag: str) -> HttpResponse:
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=settings.GONGKAI_PUBLIC_MAX_AGE)
    return response


def public_page(view: Callable) -> Callable:
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not is_anonymous_visit(request):
            response = view(request, *args, **kwargs)
            patch_cache_control(response, private=True, no_cache=True)
            return response
        setattr(request, CACHEABLE, True)
        etag = etag_for(request)
        if etag in parse_etags(request.headers.get("If-None-Match", "")):
            return _mark_public(HttpResponseNotModified(), etag)
        response = view(request, *args, **kwargs)
        # Only a page is kept: a missing item may be published in a minute.
        if response.status_code == 200:
            _mark_public(response, etag)
        return response

    wrapped.cache_policy = "public"
    return wrapped


def form_page(view: Callable) -> Callable:
    protected = ensure_csrf_cookie(view)

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = protected(request, *args, **kwargs)
        add_never_cache_headers(response)
        return response

    wrapped.cache_policy = "form"
    return wrapped


def private_page(view: Callable) -> Callable:
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        add_never_cache_headers(response)
        return response

    wrapped.cache_policy = "private"
    return wrapped


class PublicCacheMiddleware:
    """Keeps a public page of an anonymous visit free of `Vary: Cookie`.

    It sits outside SessionMiddleware, which adds that header to any response of a request
    that looked at the (empty) session, as every page does to show the login link. Should
    anything still set a cookie on such a page, the page is the visitor's own and is made
    private rather than losing the cookie.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not getattr(request, CACHEABLE, False) or not response.has_header("ETag"):
            return response
        if response.cookies:
            del response["ETag"]
            patch_cache_control(response, public=False, private=True, max_age=0)
            return response
        vary = [v.strip() for v in response.get("Vary", "").split(",") if v.strip()]
        kept = [v for v in vary if v.lower() != "cookie"]
        if kept:
            response["Vary"] = ", ".join(kept)
        elif response.has_header("Vary"):
            del response["Vary"]
        return response
