"""A reader finds a newly published notice from the portal's search box, by words, by its
文号 in another bracket style, and on a phone."""

import re

import pytest
from playwright.sync_api import expect

from gongkai.search import services
from tests.browser.conftest import shot
from tests.catalog.makers import Team, make_item

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def notice(agency_a, settings, tmp_path):
    settings.GONGKAI_SEARCH_INDEX_DIR = str(tmp_path / "index")
    services.reset_backend()
    team = Team(agency_a)
    item = team.publish(
        make_item(agency_a, team.clerk, title="关于调整城乡居民最低生活保障标准的通知")
    )
    yield item
    services.reset_backend()


def test_reader_finds_the_notice(page, notice):
    page.goto(page.base + "/")
    page.get_by_role("search").first.get_by_role("searchbox").fill("低保 标准")
    page.keyboard.press("Enter")
    result = page.get_by_role("link", name=re.compile("最低生活保障标准"))
    expect(result.first).to_be_visible()
    shot(page, "search-results")

    page.goto(page.base + "/search/?q=测民发[2026]3号")
    expect(page.get_by_role("link", name=re.compile("最低生活保障标准")).first).to_be_visible()

    result = page.get_by_role("link", name=re.compile("最低生活保障标准")).first
    result.click()
    expect(
        page.get_by_role("heading", name="关于调整城乡居民最低生活保障标准的通知")
    ).to_be_visible()
    assert page.console_errors == []


def test_search_works_on_a_phone(page, notice):
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(page.base + "/search/?q=最低生活保障")
    expect(page.get_by_role("link", name=re.compile("最低生活保障标准")).first).to_be_visible()
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    shot(page, "search-results-phone")
    assert page.console_errors == []
