"""The optional TOTP second factor for staff (RFC 6238, via django-otp)."""

import base64

import segno
from django_otp.plugins.otp_totp.models import TOTPDevice

from gongkai.core.audit import record_transition

DEVICE_NAME = "动态口令"


def has_second_factor(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def pending_device(user) -> TOTPDevice:
    """The unconfirmed device being set up, created on first request."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def qr_data_uri(device: TOTPDevice) -> str:
    return segno.make(device.config_url, error="m").svg_data_uri(scale=4)


def manual_key(device: TOTPDevice) -> str:
    """The secret as authenticator apps expect it typed in (Base32, in groups of four)."""
    key = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def confirm(user, token: str) -> TOTPDevice | None:
    """Confirm the pending device with a first code from the app; None if the code is wrong."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None or not device.verify_token(token.strip()):
        return None
    device.confirmed = True
    device.save()
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
