"""A workbench form sent back with its errors is answered 400 Bad Request, not 200: the page
still shows the form with each error beside its field, and nothing was saved."""

import pytest
from django.urls import reverse

from gongkai.catalog.models import InfoItem
from gongkai.review import services as review
from tests.catalog.makers import make_item
from tests.conftest import login, make_staff

pytestmark = pytest.mark.django_db


def test_staff_and_unit_forms(agency_a):
    admin = login(make_staff(agency_a, "agency_admin"))
    unit = admin.post(reverse("workbench:unit_add", args=[agency_a.pk]), {"name": ""})
    assert unit.status_code == 400
    assert "name" in unit.context["form"].errors
    staff = admin.post(reverse("workbench:staff_add", args=[agency_a.pk]), {"username": ""})
    assert staff.status_code == 400


def test_catalog_item_form(agency_a):
    clerk = login(make_staff(agency_a, "clerk"))
    response = clerk.post(reverse("catalog:item_create"), {"agency": agency_a.pk, "title": ""})
    assert response.status_code == 400
    assert not InfoItem.objects.exists()


def test_a_transition_form_on_the_item_page(agency_a):
    clerk = make_staff(agency_a, "clerk")
    item = make_item(agency_a, clerk)
    review.submit(user=clerk, item=item)
    reviewer = login(make_staff(agency_a, "reviewer"))
    response = reviewer.post(reverse("review:item", args=[item.pk]), {"transition": "sign"})
    assert response.status_code == 400
    assert "审查结论" in response.content.decode()


def test_the_check_page_and_the_review_chain(agency_a):
    clerk = login(make_staff(agency_a, "clerk", "agency_admin"))
    assert clerk.post(reverse("checks:check"), {"text": ""}).status_code == 400
    chain = clerk.post(reverse("review:chain", args=[agency_a.pk]), {"name_1": "初审"})
    assert chain.status_code == 400
