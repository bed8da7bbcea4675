"""A request body the API cannot read — broken JSON, a type it does not take —
is answered 400/415 in Chinese, never with the parser's English."""

import re

import pytest
from django.test import Client

from tests.conftest import login, make_staff

pytestmark = pytest.mark.django_db

LATIN_WORDS = re.compile(r"[A-Za-z]{4,}")


def _detail(response) -> str:
    body = response.json()
    return body["detail"] if isinstance(body, dict) and "detail" in body else str(body)


@pytest.mark.parametrize(
    ("body", "content_type", "status", "words"),
    [
        ("{bad", "application/json", 400, "JSON"),
        ("tracking_code=1", "text/plain", 415, "text/plain"),
    ],
    ids=["broken-json", "unsupported-type"],
)
def test_public_api_parse_errors_are_chinese(body, content_type, status, words):
    response = Client().post("/api/apply/status/", body, content_type=content_type)
    assert response.status_code == status
    detail = _detail(response)
    assert re.search(r"[\u4e00-\u9fff]", detail), detail
    assert words in detail
    allowed = {*LATIN_WORDS.findall(words), "JSON"}
    assert not [w for w in LATIN_WORDS.findall(detail) if w not in allowed], detail


def test_staff_api_parse_errors_are_chinese(agency_a):
    client = login(make_staff(agency_a, "clerk"))
    response = client.post("/api/staff/checks/", "{bad", content_type="application/json")
    assert response.status_code == 400
    detail = _detail(response)
    assert "JSON" in detail and re.search(r"[\u4e00-\u9fff]", detail), detail
    assert not [w for w in LATIN_WORDS.findall(detail) if w != "JSON"], detail
