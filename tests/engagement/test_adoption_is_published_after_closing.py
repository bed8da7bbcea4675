"""After its last day a consultation is closed; each valid comment, alone or with like ones, is
answered as adopted, partly adopted or not adopted with a reason; the 采纳情况 is published only
when every comment has been reviewed and answered, masked, and linked from the consultation on
the portal and in the public API; the statistics count 期数, 意见数 and 结果公布期数."""

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from gongkai.engagement import consultations
from gongkai.engagement.consultation_workflow import CONSULTATION_WORKFLOW
from gongkai.engagement.models import ConsultationStatus
from gongkai.lib.errors import Refused
from tests.applications.cases import RESIDENT_ID
from tests.conftest import make_staff
from tests.engagement.consultation_makers import (
    after_closing,
    comment_on,
    concluded_consultation,
    make_consultation,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def clerk(agency_a, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return make_staff(agency_a, "clerk")


def test_it_cannot_close_before_its_last_day(agency_a, clerk):
    found = consultations.open_(make_consultation(agency_a, clerk), user=clerk)
    with pytest.raises(Refused, match="届满后才能截止"):
        consultations.close(found, user=clerk)


def test_the_result_waits_for_every_comment_to_be_reviewed_and_answered(agency_a, clerk):
    found = consultations.open_(make_consultation(agency_a, clerk), user=clerk)
    first = comment_on(found, text=f"建议公示时隐去身份证号{RESIDENT_ID}。", writer_name="赵六")
    second = comment_on(found, text="建议缩短公示期。")
    with after_closing(found):
        found = consultations.close(found, user=clerk)
        assert "2条意见未审核" in CONSULTATION_WORKFLOW.rules.refusal("publish_result", found)
        consultations.approve(first, user=clerk)
        consultations.approve(second, user=clerk)
        assert "2条有效意见未登记" in CONSULTATION_WORKFLOW.rules.refusal("publish_result", found)
        with pytest.raises(Refused, match="须说明理由"):
            consultations.record_adoption(
                found,
                summary="缩短公示期",
                decision="not_adopted",
                reason="",
                comments=[second],
                user=clerk,
            )
        consultations.record_adoption(
            found,
            summary=f"公示时隐去身份证号（如{RESIDENT_ID}）",
            decision="adopted",
            reason="",
            comments=[first],
            user=clerk,
        )
        CONSULTATION_WORKFLOW.perform(
            found,
            "record_adoption",
            {
                "comments": [second.pk],
                "summary": "缩短公示期",
                "decision": "not_adopted",
                "reason": "公示期由上级规定为7日，赵六的建议暂不采纳。",
            },
            user=clerk,
        )
        found = CONSULTATION_WORKFLOW.perform(
            found, "publish_result", {"text": "共收到意见2条，采纳1条。"}, user=clerk
        )
    assert found.status == ConsultationStatus.CONCLUDED
    page = Client().get(reverse("engage:consultation_result", args=[found.pk])).content.decode()
    assert "共收到意见2条，采纳1条。" in page and "未采纳" in page
    assert RESIDENT_ID not in page and "赵六" not in page and "赵*" in page
    # The record keeps what was written.
    assert found.adoptions.filter(summary__contains=RESIDENT_ID).exists()
    detail = Client().get(reverse("engage:consultation", args=[found.pk])).content.decode()
    assert reverse("engage:consultation_result", args=[found.pk]) in detail


def test_the_public_api_lists_published_consultations_with_their_result(agency_a, clerk):
    concluded = concluded_consultation(agency_a, clerk, comments=2)
    make_consultation(agency_a, clerk, title="尚未发布的草稿")
    body = APIClient().get("/api/public/consultations/").json()
    rows = body["results"] if isinstance(body, dict) else body
    assert [row["id"] for row in rows] == [concluded.pk]
    row = rows[0]
    assert row["comment_count"] == 2 and row["phase"] == "已公布采纳情况"
    assert row["result"]["adoptions"][0]["decision_display"] == "部分采纳"
    assert row["result"]["adoptions"][0]["comment_count"] == 2


def test_statistics_count_consultations_comments_and_results(agency_a, agency_b, county, clerk):
    concluded_consultation(agency_a, clerk, comments=3)
    still_open = consultations.open_(make_consultation(agency_a, clerk), user=clerk)
    comment_on(still_open)
    make_consultation(agency_a, clerk, title="草稿不计")
    supervisor = make_staff(county, "supervisor")
    api = APIClient()
    api.force_authenticate(supervisor)
    year = still_open.opens_on.year
    rows = api.get("/api/staff/messages/statistics/", {"year": year}).json()["consultations"]
    mine = {row["agency"]: row for row in rows}[agency_a.name]
    opened_this_year = 2 if concluded_opened_in(year, still_open) else 1
    assert mine["consultations"] == opened_this_year
    assert mine["results_published"] == opened_this_year - 1
    assert mine["comments"] == (3 if opened_this_year == 2 else 0) + 1


def concluded_opened_in(year, still_open) -> bool:
    """The concluded one opened 40 days before today, which may be last year."""
    from datetime import timedelta

    return (still_open.opens_on - timedelta(days=40)).year == year
