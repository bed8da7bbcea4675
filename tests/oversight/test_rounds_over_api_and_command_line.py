"""The staff API opens a round and moves its remedies through the same workflow as the
workbench (a screenshot as multipart `fields.screenshot`); `gongkai oversight move` does the
same as a named user; refusals come back in Chinese."""

from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.utils import timezone
from rest_framework.test import APIClient

from gongkai.oversight.models import AssessmentRound, Remedy, RemedyStatus
from tests.catalog.files import png_bytes
from tests.conftest import make_staff
from tests.oversight.round_makers import open_quarter, shipped, supervisor_of

pytestmark = pytest.mark.django_db


def _api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_open_a_round_add_a_deduction_with_a_screenshot_and_answer_it(county, agency_a):
    boss = supervisor_of(county)
    api = _api(boss)
    opened = api.post(
        "/api/staff/assessment-rounds/",
        {
            "owner": county.pk,
            "title": "2026年第四季度政府网站检查",
            "cadence": "quarterly",
            "period_start": "2026-10-01",
            "period_end": "2026-12-31",
            "system": shipped().pk,
            "agencies": [agency_a.pk],
        },
        format="json",
    )
    assert opened.status_code == 201, opened.content
    round_id = opened.json()["id"]
    assert opened.json()["results"][0]["agency"] == agency_a.pk

    screenshot = SimpleUploadedFile("首页.png", png_bytes(), "image/png")
    moved = api.post(
        f"/api/staff/assessment-rounds/{round_id}/transitions/",
        {
            "transition": "deduct",
            "fields.agency": agency_a.pk,
            "fields.indicator": "D5.2",
            "fields.points": "1",
            "fields.reason": "页面底部缺少网站标识码。",
            "fields.observed_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
            "screenshot": screenshot,
        },
        format="multipart",
    )
    assert moved.status_code == 200, moved.content
    remedy = Remedy.objects.get(deduction__round_id=round_id)
    assert remedy.deduction.screenshot.name.endswith(".png")

    clerk = make_staff(agency_a, "clerk", username="clerk_a")
    listed = _api(clerk).get(f"/api/staff/remedies/{remedy.pk}/transitions/").json()
    assert [t["transition"] for t in listed["transitions"]] == ["answer"]
    answered = _api(clerk).post(
        f"/api/staff/remedies/{remedy.pk}/transitions/",
        {"transition": "answer", "fields": {"text": "已在页面底部加上标识码。"}},
        format="json",
    )
    assert answered.status_code == 200 and answered.json()["status"] == RemedyStatus.ANSWERED

    # The agency cannot re-check its own remedy; the supervisor can, from the command line.
    refused = _api(clerk).post(
        f"/api/staff/remedies/{remedy.pk}/transitions/",
        {"transition": "accept", "fields": {}},
        format="json",
    )
    assert refused.status_code == 403
    out = StringIO()
    call_command(
        "oversight", "move", "remedy", str(remedy.pk), "accept", "--user", boss.username,
        stdout=out,
    )  # fmt: skip
    assert "整改到位" in out.getvalue()
    assert Remedy.objects.get(pk=remedy.pk).status == RemedyStatus.ACCEPTED


def test_a_text_file_is_no_screenshot(county, agency_a):
    boss = supervisor_of(county)
    round_ = open_quarter(county, [agency_a], boss)

    moved = _api(boss).post(
        f"/api/staff/assessment-rounds/{round_.pk}/transitions/",
        {
            "transition": "deduct",
            "fields.agency": agency_a.pk,
            "fields.indicator": "D5.2",
            "fields.points": "1",
            "fields.reason": "页面底部缺少网站标识码。",
            "fields.observed_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
            "screenshot": SimpleUploadedFile("a.png", b"MZ\x90\x00 not an image"),
        },
        format="multipart",
    )
    assert moved.status_code == 400
    assert "可执行程序" in str(moved.json())
    assert not AssessmentRound.objects.get(pk=round_.pk).deductions.exists()


def test_the_command_line_refuses_in_chinese(county, agency_a):
    boss = supervisor_of(county)
    round_ = open_quarter(county, [agency_a], boss)
    with pytest.raises(CommandError, match="必填"):
        call_command(
            "oversight", "move", "round", str(round_.pk), "deduct", "--user", boss.username
        )
