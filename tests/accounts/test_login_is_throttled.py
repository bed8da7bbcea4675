"""Repeated failed logins lock the account name out for a while, with a Chinese explanation."""

from django.test import Client
from django.urls import reverse

from tests.conftest import PASSWORD, make_staff


def _login(client, username, password):
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def test_a_correct_password_logs_in(agency_a):
    make_staff(agency_a, "clerk", username="clerk1")
    response = _login(Client(), "clerk1", PASSWORD)
    assert response.status_code == 302 and response.url == reverse("workbench:home")


def test_a_wrong_password_gets_a_chinese_error(agency_a):
    make_staff(agency_a, "clerk", username="clerk1")
    response = _login(Client(), "clerk1", "wrong")
    assert response.status_code == 200
    assert "用户名或密码不正确" in response.content.decode()


def test_five_failures_lock_out_even_the_right_password(agency_a, settings):
    make_staff(agency_a, "clerk", username="clerk1")
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "clerk1", "wrong")
    response = _login(client, "clerk1", PASSWORD)
    assert response.status_code == 429
    assert "登录已暂停" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_other_accounts_are_not_locked_by_someone_elses_failures(agency_a, settings):
    make_staff(agency_a, "clerk", username="clerk1")
    make_staff(agency_a, "clerk", username="clerk2")
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "clerk1", "wrong")
    assert _login(client, "clerk2", PASSWORD).status_code == 302
