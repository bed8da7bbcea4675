"""A reply the writer agreed to publish (and the handler published) appears in the public list
and on its own page with 受理日期, 答复日期, 答复部门 and 答复内容; ID numbers, phones, bank
cards and the names the handler marked are masked in the public copy and never in the record;
the search of the list reads the public copy only."""

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.engagement.publication import public_copy
from gongkai.engagement.workflow import MESSAGE_WORKFLOW
from tests.applications.cases import RESIDENT_ID
from tests.conftest import make_staff
from tests.engagement.makers import make_message

pytestmark = pytest.mark.django_db


def _answered(agency, *, consent=True, publish="on", names="", text=None):
    clerk = make_staff(agency, "clerk")
    message = make_message(
        agency,
        text=text or f"我叫李明，身份证号{RESIDENT_ID}，电话13812345678，想咨询低保。",
        publish_consent=consent,
    )
    message = MESSAGE_WORKFLOW.perform(message, "accept", {}, user=clerk)
    return MESSAGE_WORKFLOW.perform(
        message,
        "reply",
        {
            "text": "李明您好：请携带户口簿到乡镇申请，联系人王芳 0871-66123456。",
            "publish_reply": publish,
            "masked_names": names,
        },
        user=clerk,
    )


def test_masking_in_the_public_copy():
    text = f"张三的身份证号{RESIDENT_ID}，卡号6222021234567890128"
    masked = public_copy(text, ["张三"])
    assert RESIDENT_ID not in masked and "6222021234567890128" not in masked
    assert masked.startswith("张*的身份证号")


def test_the_public_page_shows_the_four_fields_masked(agency_a):
    message = _answered(agency_a, names="李明 王芳")
    page = Client().get(reverse("engage:reply", args=[message.pk])).content.decode()
    for label in ("受理日期", "答复日期", "答复部门", "答复内容"):
        assert label in page
    assert "2026-12-01" in page and agency_a.name in page
    assert RESIDENT_ID not in page and "13812345678" not in page and "李明" not in page
    assert RESIDENT_ID[:3] + "*" * 11 + RESIDENT_ID[-4:] in page
    assert "王*" in page and "王芳" not in page
    # The record keeps what was written.
    message.refresh_from_db()
    assert RESIDENT_ID in message.text and "王芳" in message.reply_text


def test_only_consented_and_published_replies_are_listed(agency_a):
    shown = _answered(agency_a)
    no_consent = _answered(agency_a, consent=False)
    withheld = _answered(agency_a, publish="")
    listed = Client().get(reverse("engage:replies")).context["page_obj"].object_list
    assert [m.pk for m in listed] == [shown.pk]
    for hidden in (no_consent, withheld):
        assert Client().get(reverse("engage:reply", args=[hidden.pk])).status_code == 404


def test_search_reads_the_public_copy_only(agency_a):
    message = _answered(agency_a)
    found = Client().get(reverse("engage:replies"), {"q": "低保"}).context["page_obj"]
    assert [m.pk for m in found] == [message.pk]
    by_number = Client().get(reverse("engage:replies"), {"q": RESIDENT_ID}).context["page_obj"]
    assert list(by_number) == []
