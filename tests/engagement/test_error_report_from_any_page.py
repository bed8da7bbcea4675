"""Every portal page carries a 网民找错 link with its own address; the form it opens is the
error-report channel of the agency whose page it was, with the page and the chosen words."""

from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.engagement.models import ChannelKind
from tests.engagement.makers import channel_of

pytestmark = pytest.mark.django_db


def test_portal_pages_link_to_the_form_with_their_address(agency_a):
    page = Client().get(reverse("portal:agency_detail", args=[agency_a.pk])).content.decode()
    address = quote(f"http://testserver/agencies/{agency_a.pk}/", safe="")
    assert f'/hudong/?kind=error_report&amp;page={address}"' in page
    assert "gongkai/report-error.js" in page


def test_the_workbench_has_no_error_link(user_a):
    from tests.conftest import login

    page = login(user_a).get(reverse("workbench:home")).content.decode()
    assert "data-report-error" not in page


def test_the_form_opens_on_that_agencys_error_channel(agency_a, agency_b):
    page_url = f"http://testserver/agencies/{agency_a.pk}/"
    response = Client().get(
        reverse("engage:write"), {"page": page_url, "excerpt": "电话：0000-1234567"}
    )
    form = response.context["form"]
    assert form.initial["channel"] == channel_of(agency_a, ChannelKind.ERROR_REPORT).pk
    assert form.initial["page_url"] == page_url
    assert form.initial["page_excerpt"] == "电话：0000-1234567"


def test_a_page_of_no_agency_leaves_the_choice_to_the_writer(agency_a):
    response = Client().get(reverse("engage:write"), {"page": "http://testserver/search/"})
    assert "channel" not in response.context["form"].initial
