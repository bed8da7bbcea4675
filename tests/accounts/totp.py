"""Reading the set-up key off the 账号安全 page and computing codes from it, as an app does."""

import base64
import re

from django_otp.oath import TOTP


def key_on_page(html: str) -> bytes:
    """The secret the page shows for typing into an authenticator app (Base32 in groups)."""
    shown = re.search(r'<code class="secret">([A-Z2-7 ]+)</code>', html).group(1)
    letters = shown.replace(" ", "")
    return base64.b32decode(letters + "=" * (-len(letters) % 8))


def code(key: bytes, step_offset: int = 0) -> str:
    totp = TOTP(key, 30, 0, 6, 0)
    totp.time = totp.time + 30 * step_offset
    return f"{totp.token():06d}"
