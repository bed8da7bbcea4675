"""What an agency admin writes in the guide's prose sections appears on the public guide page,
beside the facts generated from the agency's records, under the date it last changed."""

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from gongkai.agencies.models import ReadingRoom
from gongkai.catalog.models import AgencyGuide
from tests.conftest import login, make_staff

SECTIONS = {
    "organisation": "本局办公室承担政府信息公开日常工作。",
    "proactive": "重要政策文件同时在《测试县人民政府公报》刊登。",
    "on_application": "申请可当面递交，也可邮寄至本局办公室。",
    "fees": "本局未收取过信息处理费。",
    "remedies": "可向测试县司法局申请行政复议。",
}


def test_saved_prose_is_shown_with_the_generated_facts(agency_a):
    ReadingRoom.objects.create(agency=agency_a, name="甲局查阅室", address="测试县人民路1号")
    admin = make_staff(agency_a, "agency_admin")
    response = login(admin).post(reverse("catalog:guide_edit", args=[agency_a.pk]), SECTIONS)
    assert response.status_code == 302

    page = Client().get(reverse("disclosure:guide", args=[agency_a.pk])).content.decode()
    for text in SECTIONS.values():
        assert text in page
    assert agency_a.disclosure_office in page
    assert "甲局查阅室" in page
    assert "（十五）法律、法规、规章" in page
    assert f'更新日期：<time datetime="{timezone.localdate():%Y-%m-%d}">' in page


def test_empty_sections_leave_only_the_generated_text(agency_a):
    AgencyGuide.objects.create(agency=agency_a, fees="本局未收取过信息处理费。")
    page = Client().get(reverse("disclosure:guide", args=[agency_a.pk])).content.decode()
    assert "本局未收取过信息处理费。" in page
    assert page.count('class="guide-prose"') == 1


def test_prose_is_shown_as_text_not_markup(agency_a):
    AgencyGuide.objects.create(agency=agency_a, remedies="<script>alert(1)</script>")
    page = Client().get(reverse("disclosure:guide", args=[agency_a.pk])).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


def test_the_edit_page_links_to_the_public_preview(agency_a):
    admin = make_staff(agency_a, "agency_admin")
    page = login(admin).get(reverse("catalog:guide_edit", args=[agency_a.pk])).content.decode()
    assert reverse("disclosure:guide", args=[agency_a.pk]) in page
    assert "预览公开页面" in page
