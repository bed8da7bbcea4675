"""The public advanced search offers only the 公开属性 that public information has: never 不予公开,
in the form, in the API or in its schema."""

import pytest

from .conftest import doc

pytestmark = pytest.mark.django_db


@pytest.fixture
def two(indexed):
    indexed(
        doc("关于调整最低生活保障标准的通知", disclosure="proactive"),
        doc("最低生活保障资金使用情况", disclosure="on_application"),
    )


def test_the_form_offers_proactive_and_on_application_only(two, client):
    html = client.get("/search/", {"q": "最低生活保障"}).content.decode()
    start = html.index('name="disclosure"')
    options = html[start : html.index("</select>", start)]
    assert '<option value="proactive">主动公开</option>' in options
    assert '<option value="on_application">依申请公开</option>' in options
    assert "not_disclosed" not in options
    assert "不予公开" not in html


def test_the_api_refuses_not_disclosed_as_a_filter(two, client):
    asked = client.get("/api/public/search/", {"q": "最低生活保障", "disclosure": "not_disclosed"})
    assert asked.status_code == 200
    data = asked.json()
    assert "「公开属性」的值无效，已忽略。" in data["notices"]
    assert data["total"] == 2  # the value is not applied
    narrowed = client.get("/api/public/search/", {"q": "最低生活保障", "disclosure": "proactive"})
    assert narrowed.json()["total"] == 1


def test_the_api_schema_does_not_list_it(client, db):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    parameters = schema["paths"]["/api/public/search/"]["get"]["parameters"]
    disclosure = next(p for p in parameters if p["name"] == "disclosure")
    assert sorted(disclosure["schema"]["enum"]) == ["on_application", "proactive"]
