"""The kiosk on a 1080 × 1920 portrait touch screen: a visitor taps through the disclosure
column to an item and searches with the on-screen keyboard's big field and button; left alone
for the idle time, the kiosk goes back to its start page by itself."""

import pytest

from gongkai.search import services as search
from tests.browser.conftest import shot
from tests.public_pages import publish_everything

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PORTRAIT = {"width": 1080, "height": 1920}
IDLE_SECONDS = 3


@pytest.fixture
def published(county, agency_a, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.GONGKAI_KIOSK_IDLE_SECONDS = IDLE_SECONDS
    # A search index of this county's item alone.
    settings.GONGKAI_SEARCH_INDEX_DIR = str(tmp_path / "index")
    search.reset_backend()
    yield publish_everything(county, agency_a)
    search.reset_backend()


def test_a_visitor_taps_to_an_item_and_the_kiosk_returns_home_when_left(page, published):
    page.set_viewport_size(PORTRAIT)
    home = page.base + "/kiosk/"
    page.goto(home)
    assert page.locator("body").get_attribute("data-idle-seconds") == str(IDLE_SECONDS)
    shot(page, "kiosk-home")
    page.get_by_role("link", name="政府信息公开目录").click()
    page.get_by_role("link", name="测试县甲局").click()
    page.get_by_role("link", name="最低生活保障和特困人员救助供养").click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("关于进一步做好2026年")
    assert page.get_by_alt_text("本信息网页地址的二维码").is_visible()
    shot(page, "kiosk-item")
    # Touching the screen keeps the page: the idle time counts from the last touch.
    page.wait_for_timeout(IDLE_SECONDS * 1000 * 0.6)
    page.mouse.wheel(0, 200)
    page.wait_for_timeout(IDLE_SECONDS * 1000 * 0.6)
    assert "/kiosk/items/" in page.url
    page.wait_for_url(home, timeout=IDLE_SECONDS * 1000 * 2)
    assert page.get_by_role("heading", level=1).inner_text() == "请选择要办理的事项"


def test_a_search_from_the_on_screen_keyboard_and_back_home(page, published):
    page.set_viewport_size(PORTRAIT)
    page.goto(page.base + "/kiosk/")
    page.get_by_role("link", name="搜索政府信息").click()
    field = page.get_by_label("请输入标题、文号或关键词")
    button = page.get_by_role("button", name="搜索")
    assert field.bounding_box()["height"] >= 72 and button.bounding_box()["height"] >= 72
    field.press_sequentially("最低生活保障")
    button.click()
    assert page.get_by_role("status").first.inner_text() == "找到 1 条结果。"
    shot(page, "kiosk-search")
    page.get_by_role("link", name="最低生活保障和特困人员救助供养").click()
    assert "/kiosk/items/" in page.url
    page.wait_for_url(page.base + "/kiosk/", timeout=IDLE_SECONDS * 1000 * 2)
