"""The staff API exports the messages the user may read in the Open311 GeoReport v2 request
shape plus our own fields: never the look-up code, the text only as its published copy."""

import pytest
from rest_framework.test import APIClient

from gongkai.engagement import services
from tests.applications.cases import RESIDENT_ID
from tests.conftest import make_staff
from tests.engagement.makers import SPAM, make_message

pytestmark = pytest.mark.django_db


def test_open311_shape(agency_a, agency_b):
    clerk = make_staff(agency_a, "clerk")
    published = make_message(
        agency_a, text=f"身份证号{RESIDENT_ID}，咨询低保。", publish_consent=True
    )
    published = services.accept(published, complex_case=False, user=clerk)
    services.reply(published, text="请到乡镇申请。", publish=True, user=clerk)
    private = make_message(agency_a, text="不公开的咨询")
    make_message(agency_a, text=SPAM)  # held: not exported
    make_message(agency_b)

    api = APIClient()
    api.force_authenticate(clerk)
    body = api.get("/api/staff/messages/open311/").json()
    rows = {row["service_request_id"]: row for row in body["results"]}
    assert set(rows) == {str(published.pk), str(private.pk)}
    shown = rows[str(published.pk)]
    assert shown["status"] == "closed" and shown["published"] is True
    assert "咨询低保" in shown["description"] and RESIDENT_ID not in shown["description"]
    assert shown["public_reply"] == "请到乡镇申请。"
    hidden = rows[str(private.pk)]
    assert (hidden["status"], hidden["description"], hidden["expected_datetime"][:10]) == (
        "open",
        "",
        "2026-12-04",
    )
    assert published.lookup_code not in str(body) and private.lookup_code not in str(body)
