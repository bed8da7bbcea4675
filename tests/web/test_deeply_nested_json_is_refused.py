"""A JSON body nested deeper than Python's parser can follow is answered 400 with a Chinese
reason on the public and the staff API, never a server error."""

import pytest

from tests.conftest import login

pytestmark = pytest.mark.django_db

NESTED = "[" * 100_000 + "]" * 100_000


@pytest.mark.parametrize("url", ["/api/staff/items/", "/api/staff/checks/", "/api/apply/status/"])
def test_deeply_nested_json_is_a_chinese_400(user_a, url):
    response = login(user_a).post(url, NESTED, content_type="application/json")
    assert response.status_code == 400, response.content[:200]
    assert "JSON 嵌套层数过多" in response.content.decode()
