"""A consultation's period: 15 days by default, 30 for a 重大行政决策 (国务院令第713号 第十四条),
which may not be shorter; it cannot be put out without a draft or after its last day."""

from datetime import timedelta

import pytest
from django.utils import timezone

from gongkai.engagement import consultations
from gongkai.engagement.consultation_workflow import CONSULTATION_WORKFLOW
from gongkai.lib.errors import Refused
from tests.applications.cases import d
from tests.catalog.files import pdf_bytes
from tests.catalog.makers import Team, make_item
from tests.conftest import make_staff
from tests.engagement.consultation_makers import make_consultation

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_the_default_period_is_30_days_for_a_major_decision_and_15_otherwise():
    assert consultations.default_closes_on(d("2026-12-01"), True) == d("2026-12-30")
    assert consultations.default_closes_on(d("2026-12-01"), False) == d("2026-12-15")


def test_a_major_decision_left_without_a_last_day_gets_30_days(agency_a):
    clerk = make_staff(agency_a, "clerk")
    draft = consultations.Draft(
        title="某某县城区停车收费标准调整方案（征求意见稿）",
        explanation="调整停车收费标准。",
        opens_on=d("2026-12-01"),
        major_decision=True,
        upload=consultations.Upload("方案.pdf", pdf_bytes("Parking fees")),
    )
    found = consultations.create(agency_a, draft, user=clerk)
    assert found.closes_on == d("2026-12-30") and found.period_days == 30


def test_a_major_decision_shorter_than_30_days_is_refused_with_its_source(agency_a):
    clerk = make_staff(agency_a, "clerk")
    with pytest.raises(Refused) as refused:
        make_consultation(agency_a, clerk, major_decision=True, closes_on=d("2026-12-20"))
    assert "不少于30日" in refused.value.message
    assert "第十四条" in refused.value.message
    assert refused.value.field == "closes_on"


def test_a_draft_is_required_and_a_fake_file_is_refused(agency_a):
    clerk = make_staff(agency_a, "clerk")
    with pytest.raises(Refused, match="关联草案") as refused:
        make_consultation(agency_a, clerk, upload=False)
    assert refused.value.field == "item"
    fake = consultations.Draft(
        title="征求意见稿",
        explanation="说明",
        opens_on=timezone.localdate(),
        upload=consultations.Upload("草案.pdf", b"MZ\x90\x00 not a pdf at all"),
    )
    with pytest.raises(Refused) as refused:
        consultations.create(agency_a, fake, user=clerk)
    assert refused.value.field == "draft"


def test_a_draft_may_be_a_published_item_of_the_agency(agency_a, agency_b):
    team = Team(agency_a)
    item = team.publish(make_item(agency_a, team.clerk))
    found = make_consultation(agency_a, team.clerk, item=item)
    assert found.item == item and not found.draft
    with pytest.raises(Refused, match="本机关"):
        make_consultation(agency_b, make_staff(agency_b, "clerk"), item=item)
    unpublished = make_item(agency_a, team.clerk, title="尚未公开的草案")
    with pytest.raises(Refused, match="尚未公开"):
        make_consultation(agency_a, team.clerk, item=unpublished)


def test_a_consultation_whose_last_day_has_passed_cannot_be_put_out(agency_a):
    clerk = make_staff(agency_a, "clerk")
    today = timezone.localdate()
    past = make_consultation(
        agency_a, clerk, opens_on=today - timedelta(days=20), closes_on=today - timedelta(days=1)
    )
    assert CONSULTATION_WORKFLOW.available(past, clerk) == []
    assert "截止日期已过" in CONSULTATION_WORKFLOW.rules.refusal("open", past)
