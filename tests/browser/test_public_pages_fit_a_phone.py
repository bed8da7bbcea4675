"""Every public page fits a 375 px phone screen without sideways scrolling, with a long 索引号,
文号 and title in the item's metadata box. A new public page must be added to tests/public_pages.py
or the test that lists them fails."""

import pytest

from tests.browser.conftest import shot
from tests.public_pages import page_urls, public_page_names, publish_everything

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def published(county, agency_a, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return publish_everything(county, agency_a)


def test_every_public_page_is_listed(published):
    assert set(page_urls(published)) == public_page_names()


def test_every_public_page_fits_a_phone(page, published):
    page.set_viewport_size({"width": 375, "height": 800})
    too_wide = {}
    for name, url in page_urls(published).items():
        page.goto(page.base + url)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 0:
            too_wide[name] = overflow
            shot(page, f"too-wide-{name.replace(':', '-')}")
    page.goto(page.base + page_urls(published)["disclosure:item"])
    shot(page, "item-phone")
    assert too_wide == {}


def test_an_item_page_has_reading_tools_and_a_qr_code(page, published):
    url = page.base + page_urls(published)["disclosure:item"]
    page.goto(url)
    body = page.locator(".body-text")

    def size() -> float:
        return float(body.evaluate("el => parseFloat(getComputedStyle(el).fontSize)"))

    normal = size()
    page.get_by_role("button", name="大").click()
    assert size() > normal
    page.reload()  # the choice is remembered on this device
    assert size() > normal
    page.get_by_role("button", name="小").click()
    assert size() < normal
    assert page.get_by_role("button", name="打印本页").is_visible()
    qr = page.get_by_alt_text("本页二维码")
    assert qr.get_attribute("src").startswith("data:image/svg+xml")
    assert qr.evaluate("img => img.naturalWidth") > 0
    shot(page, "item-reading-tools")
