"""Staff use the API with a session or a token; public endpoints are read-only."""

from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token

from gongkai.core.models import AuditEvent
from tests.conftest import login, make_staff


def test_token_user_changes_are_audited_under_their_name(agency_a):
    admin = make_staff(agency_a, "agency_admin", full_name="令牌用户")
    token = Token.objects.create(user=admin)
    client = Client(HTTP_AUTHORIZATION=f"Token {token.key}")
    response = client.post(
        "/api/staff/units/",
        {"agency": agency_a.pk, "name": "档案室"},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    event = AuditEvent.objects.filter(record_type="agencies.internalunit").last()
    assert event.actor_id == admin.pk and event.actor_label.startswith("令牌用户")


def test_anonymous_cannot_use_staff_endpoints(agency_a):
    for url in ("/api/staff/agencies/", "/api/staff/audit-events/", "/api/staff/staff/"):
        assert Client().get(url).status_code in (401, 403)


def test_clerk_cannot_create_units(agency_a):
    clerk = make_staff(agency_a, "clerk")
    response = login(clerk).post(
        "/api/staff/units/",
        {"agency": agency_a.pk, "name": "档案室"},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert not agency_a.units.exists()


def test_validation_errors_are_in_chinese(agency_a):
    admin = make_staff(agency_a, "agency_admin")
    response = login(admin).patch(
        f"/api/staff/agencies/{agency_a.pk}/",
        {"credit_code": agency_a.credit_code[:17] + "Z"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "统一社会信用代码" in response.json()["credit_code"][0]


def test_public_agency_list_is_read_only_and_hides_internal_fields(agency_a):
    client = Client()
    rows = client.get("/api/public/agencies/").json()["results"]
    assert {r["name"] for r in rows} >= {agency_a.name}
    assert all("disclosure_office_head" not in r for r in rows)
    assert client.post("/api/public/agencies/", {"name": "x"}).status_code in (403, 405)


def test_api_docs_page_is_served(db):
    response = Client().get(reverse("api:docs"))
    assert response.status_code == 200
