"""In a real browser: the footer's identity (党政机关网站标识, 网站标识码, ICP and 公安 备案号,
主办单位 and contact) is readable on a desktop and on a 375 px phone — no sideways scrolling, no
value cut off — and the demo's examples are marked as such."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 800}


def _check_footer(page) -> None:
    footer = page.locator("#site-identity")
    expect(footer).to_be_visible()
    expect(footer.get_by_role("link", name="党政机关")).to_have_attribute(
        "href", "https://bszs.conac.cn/sitename?method=show&id=00000000000000000000000000000000"
    )
    expect(footer).to_contain_text("网站标识码：5399010001")
    expect(footer.get_by_role("link", name="滇ICP备00000000号-1")).to_be_visible()
    expect(footer.get_by_role("link", name="滇公网安备53990102000001号")).to_be_visible()
    expect(footer).to_contain_text("主办单位：某某县人民政府办公室")
    expect(footer.locator(".example-mark")).to_have_count(8)
    expect(page.locator("#identity-examples")).to_contain_text("不是真实备案")
    expect(page.get_by_role("link", name="网民找错：报告本页的错误")).to_be_visible()
    # Nothing in the footer is wider than the page: every value can be read.
    overflow = footer.evaluate(
        """el => [...el.querySelectorAll('li, a, p')].filter(
               n => n.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5
           ).map(n => n.textContent)"""
    )
    assert overflow == []


def _close_up(page, name: str) -> None:
    """The whole page, and the footer alone beside it."""
    path = shot(page, name)
    page.locator("footer").screenshot(path=str(path.with_name(f"{name}-closeup.png")))


def test_the_footer_on_a_desktop_and_a_phone(page, county, agency_a):
    page.goto(f"{page.base}/agencies/{agency_a.pk}/")
    _check_footer(page)
    _close_up(page, "footer-desktop")
    page.set_viewport_size(PHONE)
    page.reload()
    _check_footer(page)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], width
    _close_up(page, "footer-phone")
    assert page.console_errors == []
