"""The optional TOTP second factor for staff (RFC 6238, via django-otp).

Setting it up shows a new key, kept in the user's session while he types it into his app; no
device is stored until a first correct code confirms it, so looking at the page writes nothing.
"""

import base64

import segno
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from gongkai.core.audit import record_transition

DEVICE_NAME = "动态口令"


def has_second_factor(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


PENDING_KEY = "second_factor_pending_key"


def pending_device(user, session) -> TOTPDevice:
    """The device being set up, not stored: its key is kept in `session` until confirmed."""
    key = session.get(PENDING_KEY)
    if key is None:
        key = session[PENDING_KEY] = random_hex()
    return TOTPDevice(user=user, name=DEVICE_NAME, key=key, confirmed=False)


def qr_data_uri(device: TOTPDevice) -> str:
    return segno.make(device.config_url, error="m").svg_data_uri(scale=4)


def manual_key(device: TOTPDevice) -> str:
    """The secret as authenticator apps expect it typed in (Base32, in groups of four)."""
    key = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def confirm(user, session, token: str) -> TOTPDevice | None:
    """Store the pending device, confirmed, once the app gives a first correct code; None if
    the code is wrong (nothing stored)."""
    device = pending_device(user, session)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    token = token.strip()
    # isascii: «²» is a digit to isdigit() and no number to int().
    if not (token.isascii() and token.isdigit()) or not totp.verify(
        int(token), tolerance=device.tolerance
    ):
        return None
    # The code just used may not log in again (django-otp refuses steps up to last_t).
    device.last_t, device.drift, device.confirmed = totp.t(), totp.drift, True
    device.save()
    del session[PENDING_KEY]
    record_transition(user, "enable_second_factor")
    return device


def disable(user) -> None:
    TOTPDevice.objects.filter(user=user).delete()
    record_transition(user, "disable_second_factor")


def verify(user, token: str) -> TOTPDevice | None:
    for device in TOTPDevice.objects.filter(user=user, confirmed=True):
        if device.verify_token(token.strip()):
            return device
    return None
