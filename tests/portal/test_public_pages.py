"""The public portal shows the disclosure guide's contact facts and nothing internal."""

from django.test import Client
from django.urls import reverse

from gongkai.agencies.models import ReadingRoom
from tests.conftest import make_staff


def test_home_lists_governments_and_departments(county, agency_a):
    page = Client().get(reverse("portal:home")).content.decode()
    assert county.name in page and agency_a.name in page


def test_agency_page_shows_office_and_reading_rooms(agency_a):
    ReadingRoom.objects.create(agency=agency_a, name="一楼查阅点", address="人民路1号")
    make_staff(agency_a, "clerk", full_name="不应公开的人名")
    page = Client().get(reverse("portal:agency_detail", args=[agency_a.pk])).content.decode()
    assert agency_a.disclosure_office in page and "一楼查阅点" in page
    assert "不应公开的人名" not in page


def test_inactive_agencies_are_not_public(agency_a):
    agency_a.is_active = False
    agency_a.save()
    assert Client().get(reverse("portal:agency_detail", args=[agency_a.pk])).status_code == 404


def test_security_headers_and_content_security_policy(db):
    response = Client().get(reverse("portal:home"))
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_forms_carry_csrf_protection(db):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("accounts:login"), {"username": "x", "password": "y"})
    assert response.status_code == 403
