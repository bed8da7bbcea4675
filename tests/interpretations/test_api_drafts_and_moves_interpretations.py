"""The staff API drafts interpretations, lists and moves them through the same workflow as the
workbench, lists policy documents still unexplained and records a reason; the public API lists
published interpretations only."""

import pytest
from rest_framework.test import APIClient

from gongkai.interpretations.models import Interpretation
from tests.catalog.makers import Team
from tests.interpretations.makers import make_interpretation, make_policy

pytestmark = pytest.mark.django_db


def _api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_a_clerk_drafts_and_links_through_the_api(agency_a):
    team = Team(agency_a)
    document = make_policy(agency_a, team.clerk)
    other = make_policy(agency_a, team.clerk, title="关于调整临时救助标准的通知")
    api = _api(team.clerk)
    created = api.post(
        "/api/staff/interpretations/",
        {
            "agency": agency_a.pk,
            "title": "一图读懂低保通知",
            "formed_on": "2026-11-03",
            "form": "graphic",
            "documents": [document.pk],
        },
        format="json",
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["status"] == "draft" and body["documents"] == [document.pk]
    interpretation = Interpretation.objects.get(pk=body["id"])
    assert "一、背景依据" in interpretation.item.current_version.body
    url = f"/api/staff/interpretations/{interpretation.pk}/transitions/"
    listed = {row["transition"] for row in api.get(url).json()["transitions"]}
    assert listed == {"describe", "link"}  # the one document cannot be unlinked
    linked = api.post(url, {"transition": "link", "fields": {"document": other.pk}}, format="json")
    assert linked.status_code == 200 and set(linked.json()["documents"]) == {document.pk, other.pk}
    assert {row["transition"] for row in linked.json()["transitions"]} == {
        "describe",
        "link",
        "unlink",
    }
    refused = api.post(url, {"transition": "link", "fields": {"document": other.pk}}, format="json")
    assert refused.status_code == 400 and "已经关联" in str(refused.json())


def test_unexplained_documents_and_a_recorded_reason(agency_a):
    team = Team(agency_a)
    bare = make_policy(agency_a, team.clerk)
    explained = make_policy(agency_a, team.clerk, title="关于特困供养的通知")
    make_interpretation(agency_a, team.clerk, explained)
    api = _api(team.clerk)
    unexplained = api.get("/api/staff/policy-documents/?unexplained=true").json()
    assert [row["id"] for row in unexplained["results"]] == [bare.pk]
    url = f"/api/staff/policy-documents/{bare.pk}/transitions/"
    short = api.post(url, {"transition": "waive", "fields": {"reason": "无"}}, format="json")
    assert short.status_code == 400 and "理由" in str(short.json())
    done = api.post(
        url,
        {"transition": "waive", "fields": {"reason": "转发上级文件，上级已作解读"}},
        format="json",
    )
    assert done.json()["no_interpretation_reason"] == "转发上级文件，上级已作解读"
    assert api.get("/api/staff/policy-documents/?unexplained=true").json()["results"] == []


def test_the_public_api_lists_published_interpretations_only(agency_a):
    team = Team(agency_a)
    document = team.publish(make_policy(agency_a, team.clerk))
    shown = make_interpretation(agency_a, team.clerk, document, title="图解：已公开")
    make_interpretation(agency_a, team.clerk, document, title="图解：草稿")
    team.publish(shown.item)
    rows = APIClient().get("/api/public/interpretations/").json()["results"]
    assert [row["title"] for row in rows] == ["图解：已公开"]
    assert rows[0]["form_display"] == "图解"
    assert rows[0]["documents"][0]["item"] == document.pk
