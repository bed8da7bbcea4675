"""A reader who types «低保标准», which no page says as such, sees the pages that say its words
apart, with the words marked, a notice saying so and the 类型 of each, on a desktop and on a
phone."""

import re

import pytest
from playwright.sync_api import expect

from gongkai.catalog import guides
from gongkai.search import services
from tests.browser.conftest import shot
from tests.catalog.makers import Team, make_item
from tests.conftest import make_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NOTICE = "未找到完整包含“低保标准”的信息，以下是部分匹配的结果。"


@pytest.fixture
def pages(agency_a, settings, tmp_path):
    settings.GONGKAI_SEARCH_INDEX_DIR = str(tmp_path / "index")
    services.reset_backend()
    team = Team(agency_a)
    team.publish(make_item(agency_a, team.clerk, title="关于调整城乡居民最低生活保障标准的通知"))
    admin = make_staff(agency_a, "agency_admin")
    guides.save_guide(
        user=admin,
        agency=agency_a,
        sections={"on_application": "申请查询最低生活保障审批情况的，请写明申请人姓名。"},
    )
    yield
    services.reset_backend()


@pytest.mark.parametrize("width", [1280, 375], ids=["desktop", "phone"])
def test_partial_matches_are_listed_with_a_notice(page, pages, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(page.base + "/")
    page.get_by_role("search").first.get_by_role("searchbox").fill("低保标准")
    page.keyboard.press("Enter")
    expect(page.get_by_text(NOTICE)).to_be_visible()
    first = page.locator(".result").first
    expect(first.get_by_role("link", name=re.compile("最低生活保障标准"))).to_be_visible()
    expect(first.locator("mark").first).to_be_visible()
    guide = page.locator(".result", has=page.locator(".badge", has_text="公开指南"))
    expect(guide).to_have_count(1)
    expect(page.get_by_role("heading", name="类型")).to_be_attached()
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    shot(page, f"search-partial-matches-{width}")
    guide.get_by_role("link").click()
    expect(page.get_by_role("heading", name=re.compile("政府信息公开指南"))).to_be_visible()
    assert page.console_errors == []
