"""The staff API registers and edits items through the same services and cannot publish a
version without its approved review; the public API lists published items only."""

import pytest
from rest_framework.test import APIClient

from gongkai.catalog.models import InfoItem
from tests.catalog.makers import Team, make_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(agency_a):
    return Team(agency_a)


def _client(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def _transition(client, item_id, transition, **fields):
    payload = {"transition": transition, "fields": fields}
    return client.post(f"/api/staff/items/{item_id}/transitions/", payload, format="json")


def test_register_review_and_publish_over_the_api(team):
    clerk = _client(team.clerk)
    response = clerk.post(
        "/api/staff/items/",
        {
            "agency": team.agency.pk,
            "title": "关于某事项的公告",
            "doc_no": "某民发(2026)9号",
            "formed_on": "2026-11-20",
            "body": "现将有关事项公告如下。",
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    item_id = response.json()["id"]
    assert response.json()["doc_no"] == "某民发〔2026〕9号"

    response = _transition(clerk, item_id, transition="publish")
    assert response.status_code == 400
    assert "不能公开（须为“审查通过”）" in response.json()["non_field_errors"][0]
    assert _transition(clerk, item_id, transition="submit").status_code == 200
    # Signing is the reviewer's step: a clerk has no right to it.
    response = _transition(clerk, item_id, transition="sign", decision="approve", legal_basis="x")
    assert response.status_code == 403

    reviewer, leader = _client(team.reviewer), _client(team.leader)
    assert _transition(reviewer, item_id, transition="publish").status_code == 403
    for signer in (reviewer, leader):
        response = _transition(
            signer, item_id, transition="sign", decision="approve", legal_basis="第十九条"
        )
        assert response.status_code == 200, response.content
    assert not InfoItem.objects.public().exists()
    response = _transition(clerk, item_id, transition="publish")
    assert response.status_code == 200
    assert [o["reviewer"] for o in response.json()["reviews"][0]["opinions"]] == [
        team.reviewer.username,
        team.leader.username,
    ]
    public = APIClient().get("/api/public/items/").json()
    assert [row["title"] for row in public["results"]] == ["关于某事项的公告"]


def test_editing_an_approved_version_over_the_api_is_refused(team):
    item = team.approve(make_item(team.agency, team.clerk))
    response = _client(team.clerk).patch(
        f"/api/staff/items/{item.pk}/", {"body": "审查后改动"}, format="json"
    )
    assert response.status_code == 400
    item.current_version.refresh_from_db()
    assert item.current_version.body != "审查后改动"
