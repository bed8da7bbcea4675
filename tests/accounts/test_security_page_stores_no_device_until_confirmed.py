"""Opening 账号安全 shows a new key to set up the second factor but stores no device: only a
correct first code from the app stores one, confirmed; looking at the page again keeps the key."""

from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.accounts.totp import code, key_on_page
from tests.conftest import make_staff


def test_looking_at_the_page_stores_nothing(agency_a):
    user = make_staff(agency_a, "clerk", username="otpuser")
    client = Client()
    client.force_login(user)
    first = client.get(reverse("accounts:security")).content.decode()
    again = client.get(reverse("accounts:security")).content.decode()
    assert "data:image/svg+xml" in first
    assert key_on_page(first) == key_on_page(again)
    assert not TOTPDevice.objects.exists()


def test_a_wrong_code_stores_nothing_and_the_right_one_a_confirmed_device(agency_a):
    user = make_staff(agency_a, "clerk", username="otpuser")
    client = Client()
    client.force_login(user)
    key = key_on_page(client.get(reverse("accounts:security")).content.decode())
    wrong = client.post(reverse("accounts:security"), {"token": code(key, step_offset=10)})
    assert "动态口令不正确" in wrong.content.decode()
    assert not TOTPDevice.objects.exists()
    client.post(reverse("accounts:security"), {"token": code(key)})
    device = TOTPDevice.objects.get()
    assert device.confirmed and device.user == user and device.bin_key == key
