"""Staff may turn on a TOTP second factor; once on, nothing works until it is passed."""

from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from gongkai.core.models import AuditEvent
from tests.accounts.totp import code, key_on_page
from tests.conftest import PASSWORD, make_staff


def _code(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def _enable(client, user) -> TOTPDevice:
    page = client.get(reverse("accounts:security")).content.decode()
    assert "data:image/svg+xml" in page
    key = key_on_page(page)
    wrong = client.post(reverse("accounts:security"), {"token": code(key, step_offset=10)})
    assert "动态口令不正确" in wrong.content.decode()
    # «²» is a digit to str.isdigit() and no number to int(): a wrong code, not a server error.
    superscript = client.post(reverse("accounts:security"), {"token": "²" * 6})
    assert "动态口令不正确" in superscript.content.decode()
    client.post(reverse("accounts:security"), {"token": code(key)})
    device = TOTPDevice.objects.get(user=user)
    assert device.confirmed
    return device


def test_enabling_requires_a_valid_code_and_is_audited(agency_a):
    user = make_staff(agency_a, "clerk", username="otpuser")
    client = Client()
    client.force_login(user)
    _enable(client, user)
    assert AuditEvent.objects.filter(record_id=str(user.pk), action="enable_second_factor").exists()


def test_login_then_requires_the_code(agency_a):
    user = make_staff(agency_a, "clerk", username="otpuser")
    setup = Client()
    setup.force_login(user)
    device = _enable(setup, user)

    client = Client()
    client.post(reverse("accounts:login"), {"username": "otpuser", "password": PASSWORD})
    blocked = client.get(reverse("workbench:home"))
    assert blocked.status_code == 302 and blocked.url.startswith(reverse("accounts:verify"))
    assert client.get("/api/staff/agencies/").status_code == 403

    wrong = client.post(reverse("accounts:verify"), {"token": "12345"})
    assert "动态口令" in wrong.content.decode()
    device.refresh_from_db()
    # TOTP codes may not be reused (step past the one used to confirm), and the failure
    # above throttles the device for a moment.
    device.last_t = -1
    device.throttle_reset()
    ok = client.post(reverse("accounts:verify"), {"token": _code(device)})
    assert ok.status_code == 302
    assert client.get(reverse("workbench:home")).status_code == 200


def test_without_a_device_no_code_is_asked(agency_a):
    make_staff(agency_a, "clerk", username="plain")
    client = Client()
    client.post(reverse("accounts:login"), {"username": "plain", "password": PASSWORD})
    assert client.get(reverse("workbench:home")).status_code == 200
