"""Behind the documented nginx proxy, every client keeps its own address: the login lock-out and
the status-lookup limit tell two clients apart; a client reaching the server directly cannot
choose its address by writing X-Forwarded-For."""

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from gongkai.web.client import client_address
from tests.applications.cases import make_case
from tests.conftest import PASSWORD, make_staff

pytestmark = pytest.mark.django_db

PROXY = "127.0.0.1"


def _request(remote: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


@pytest.mark.parametrize(
    ("proxies", "remote", "forwarded", "expected"),
    [
        (0, "203.0.113.7", None, "203.0.113.7"),
        (0, "203.0.113.7", "198.51.100.1", "203.0.113.7"),  # forged, nobody trusted
        (1, PROXY, "198.51.100.1", "198.51.100.1"),
        (1, PROXY, "10.9.9.9, 198.51.100.1", "198.51.100.1"),  # the left one is the client's
        (2, PROXY, "10.9.9.9, 198.51.100.1, 192.0.2.5", "198.51.100.1"),
        (1, PROXY, None, PROXY),  # not through the proxy: its own address
        (1, PROXY, "not-an-address", PROXY),
        (1, PROXY, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_the_address_is_taken_from_the_trusted_proxies(
    settings, proxies, remote, forwarded, expected
):
    settings.GONGKAI_TRUSTED_PROXIES = proxies
    assert client_address(_request(remote, forwarded)) == expected


def _behind_proxy(client_ip: str) -> Client:
    """A browser whose requests reach Django through the one nginx proxy."""
    return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=client_ip)


def _fail_logins(client: Client, username: str, times: int) -> None:
    for _ in range(times):
        client.post(reverse("accounts:login"), {"username": username, "password": "wrong"})


def test_an_attacker_behind_the_proxy_does_not_lock_out_the_real_user(agency_a, settings):
    settings.GONGKAI_TRUSTED_PROXIES = 1
    make_staff(agency_a, "clerk", username="clerk1")
    attacker = _behind_proxy("198.51.100.66")
    _fail_logins(attacker, "clerk1", settings.AXES_FAILURE_LIMIT)
    refused = attacker.post(reverse("accounts:login"), {"username": "clerk1", "password": PASSWORD})
    assert refused.status_code == 429
    user = _behind_proxy("203.0.113.10")
    answer = user.post(reverse("accounts:login"), {"username": "clerk1", "password": PASSWORD})
    assert answer.status_code == 302


def test_a_direct_client_forging_the_header_is_still_locked_out(agency_a, settings):
    settings.GONGKAI_TRUSTED_PROXIES = 0
    make_staff(agency_a, "clerk", username="clerk1")
    for number in range(settings.AXES_FAILURE_LIMIT):
        forger = Client(REMOTE_ADDR="203.0.113.99", HTTP_X_FORWARDED_FOR=f"10.0.0.{number}")
        _fail_logins(forger, "clerk1", 1)
    forger = Client(REMOTE_ADDR="203.0.113.99", HTTP_X_FORWARDED_FOR="10.0.0.200")
    refused = forger.post(reverse("accounts:login"), {"username": "clerk1", "password": PASSWORD})
    assert refused.status_code == 429


def test_the_status_lookup_limit_tells_clients_behind_the_proxy_apart(agency_a, settings):
    settings.GONGKAI_TRUSTED_PROXIES = 1
    settings.GONGKAI_STATUS_LOOKUPS_PER_15_MIN = 2
    case = make_case(agency_a, "2025-11-10")
    form = {"tracking_code": case.tracking_code, "phone": "13900000000"}
    guesser = _behind_proxy("198.51.100.66")
    for _ in range(2):
        assert guesser.post(reverse("apply:status"), form).status_code == 200
    assert guesser.post(reverse("apply:status"), form).status_code == 429
    applicant = _behind_proxy("203.0.113.10")
    assert applicant.post(reverse("apply:status"), form).status_code == 200


def test_a_direct_client_forging_the_header_keeps_its_status_lookup_limit(agency_a, settings):
    settings.GONGKAI_TRUSTED_PROXIES = 0
    settings.GONGKAI_STATUS_LOOKUPS_PER_15_MIN = 2
    case = make_case(agency_a, "2025-11-10")
    form = {"tracking_code": case.tracking_code, "phone": "13900000000"}
    codes = [
        Client(REMOTE_ADDR="203.0.113.99", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}")
        .post(reverse("apply:status"), form)
        .status_code
        for n in range(3)
    ]
    assert codes == [200, 200, 429]
