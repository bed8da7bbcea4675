"""The caller is personal information, kept like an applicant's identity: encrypted in the
database, masked in every list and export, in full only on the order's page to the handling
agency's staff — not to a 主管部门 above, not to another agency, which does not even find the
order — and on a confidential order to its handler alone."""

import pytest
from django.db import connection
from django.urls import reverse
from rest_framework.test import APIClient

from gongkai.hotline.caller import HIDDEN
from gongkai.hotline.workflow import ORDER_WORKFLOW
from tests.conftest import login, make_staff
from tests.hotline.makers import CALLER, make_order

pytestmark = pytest.mark.django_db

FULL = (CALLER.name, CALLER.phone, CALLER.address)


def _shows_full(html: str) -> bool:
    return all(value in html for value in FULL)


def _shows_any(html: str) -> bool:
    return any(value in html for value in FULL)


def test_stored_encrypted(agency_a):
    order = make_order(agency_a)
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM hotline_workorder WHERE id = %s", [order.pk])
        stored = " ".join(str(value) for value in cursor.fetchone())
    assert not _shows_any(stored) and "13800138000" not in stored
    assert order.caller_name_masked == "张**" and order.caller_phone_masked == "138****8000"
    assert order.caller_address_masked == "某某县城关镇***"


def test_masked_in_lists_full_on_the_page_to_the_agency_only(county, agency_a, agency_b):
    order = make_order(agency_a)
    clerk = make_staff(agency_a, "clerk")
    supervisor = make_staff(county, "supervisor")
    outsider = make_staff(agency_b, *["clerk", "leader", "agency_admin"])
    detail = reverse("hotline:detail", args=[order.pk])

    listing = login(clerk).get(reverse("hotline:list")).content.decode()
    assert "张**" in listing and not _shows_any(listing)
    assert _shows_full(login(clerk).get(detail).content.decode())

    above = login(supervisor).get(detail)
    assert above.status_code == 200
    page = above.content.decode()
    assert not _shows_any(page) and "138****8000" in page
    assert login(outsider).get(detail).status_code == 404

    api = APIClient()
    api.force_authenticate(clerk)
    listed = api.get("/api/staff/work-orders/").json()["results"][0]
    assert listed["caller_phone"] == "138****8000"
    one = api.get(f"/api/staff/work-orders/{order.pk}/").json()
    assert (one["caller_name"], one["caller_phone"], one["caller_address"]) == FULL
    api.force_authenticate(supervisor)
    assert api.get(f"/api/staff/work-orders/{order.pk}/").json()["caller_phone"] == "138****8000"
    api.force_authenticate(outsider)
    assert api.get(f"/api/staff/work-orders/{order.pk}/").status_code == 404


def test_a_confidential_order_shows_the_caller_to_its_handler_alone(agency_a):
    order = make_order(agency_a, confidential=True)
    assert (order.caller_name_masked, order.caller_phone_masked) == ("", "")
    handler = make_staff(agency_a, "clerk")
    colleague = make_staff(agency_a, "clerk", "leader", "agency_admin")
    detail = reverse("hotline:detail", args=[order.pk])
    for person in (handler, colleague):  # before anyone signed for it, nobody
        page = login(person).get(detail).content.decode()
        assert not _shows_any(page) and HIDDEN in page
    order = ORDER_WORKFLOW.perform(order, "accept", {}, user=handler)
    assert _shows_full(login(handler).get(detail).content.decode())
    page = login(colleague).get(detail).content.decode()
    assert not _shows_any(page) and "138****" not in page
    listing = login(handler).get(reverse("hotline:list")).content.decode()
    assert not _shows_any(listing) and "保密" in listing
    api = APIClient()
    api.force_authenticate(colleague)
    assert api.get(f"/api/staff/work-orders/{order.pk}/").json()["caller_phone"] == HIDDEN
    api.force_authenticate(handler)
    assert api.get(f"/api/staff/work-orders/{order.pk}/").json()["caller_phone"] == CALLER.phone
