"""In a real browser: a clerk records on the workbench that a leader leaves and submits the
change; once a reviewer approves it, the portal's agency page shows the 机构概况 and the
leaders now in office with their photos, and the dated record of the change — on a desktop and
on a 375 px phone."""

from datetime import date

import pytest
from playwright.sync_api import expect

from gongkai.profiles import services
from gongkai.profiles.models import ProfileVersion
from tests.browser.conftest import shot
from tests.browser.test_columns_journey import _login
from tests.conftest import make_staff
from tests.profiles.makers import Editors, add_leader, draft, publish

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 800}


def _published(agency) -> Editors:
    people = Editors(
        make_staff(agency, "clerk", username="profile_clerk", full_name="陈小燕"),
        make_staff(agency, "reviewer", full_name="周海涛"),
    )
    version = draft(agency, people, effective_on=date(2024, 1, 1))
    services.save_unit(
        version,
        user=people.clerk,
        unit=None,
        name="社会救助股",
        duties="负责城乡最低生活保障、特困人员救助供养和临时救助工作。",
        phone="0878-5210001",
        sort_order=1,
    )
    # One photo: the test server's in-memory database takes one request at a time.
    add_leader(version, people, "王明", "局长", date(2020, 5, 1), photo=False)
    add_leader(version, people, "李华", "副局长", date(2021, 3, 1))
    publish(version, people)
    return people


def test_a_leader_leaves_and_the_portal_shows_the_history(page, agency_a, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    people = _published(agency_a)
    _login(page, "profile_clerk")
    page.get_by_role("navigation", name="工作台菜单").get_by_role("link", name="机构概况").click()
    page.get_by_role("link", name="修改机构概况").click()
    page.get_by_role("button", name="起草修改稿").click()
    page.locator("#leader-table tr", has_text="王明").get_by_role("link").click()
    leaving = page.locator("#transition-leader_leaves")
    expect(leaving.get_by_label("离任的领导")).to_have_value(
        str(ProfileVersion.objects.open().get().leaders.get(leader__name="王明").pk)
    )
    leaving.get_by_label("离任日期").fill("2026-06-30")
    leaving.get_by_role("button", name="登记领导离任").click()
    expect(page.get_by_text("已登记离任，审核发布后生效")).to_be_visible()
    expect(page.locator("#leader-table tr", has_text="王明")).to_contain_text("2026-06-30离任")
    page.locator("summary", has_text="修改职能和基本信息").click()
    page.locator("#transition-edit").get_by_label("变更说明").fill("王明同志离任")
    page.locator("#transition-edit").get_by_label("生效日期").fill("2026-06-30")
    page.locator("#transition-edit").get_by_role("button").click()
    page.locator("#transition-submit").get_by_role("button", name="提交审核").click()
    expect(page.locator("#profile-status")).to_have_text("待审核")
    shot(page, "profile-workbench")

    services.approve(ProfileVersion.objects.open().get(), user=people.reviewer)
    page.goto(f"{page.base}/agencies/{agency_a.pk}/")
    leaders = page.locator("#agency-leaders")
    expect(leaders.get_by_role("heading", name="李华")).to_be_visible()
    expect(leaders.locator(".leader-card", has_text="王明")).to_have_count(0)
    photo = leaders.get_by_alt_text("李华的照片")
    assert photo.evaluate("img => img.complete && img.naturalWidth > 0")
    expect(page.locator("#leader-history")).to_contain_text("2026-06-30 王明 离任：原任局长")
    expect(page.locator("#former-leaders")).to_contain_text("王明（2020-05-01 至 2026-06-30）")
    expect(page.locator("#agency-profile")).to_contain_text("负责城乡最低生活保障")
    expect(page.locator("#profile-basic")).to_contain_text("0878-5211111")
    shot(page, "profile-portal-desktop")

    page.set_viewport_size(PHONE)
    page.reload()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], width
    expect(page.locator("#leader-history")).to_be_visible()
    shot(page, "profile-portal-phone")
    assert page.console_errors == []
