"""Every kiosk page at 1080 × 1920: no link or form leads out of /kiosk/ (and none to a login),
every target is at least 48 px both ways, nothing overflows sideways, and axe-core finds no
violation of impact serious or critical."""

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import shot
from tests.public_pages import kiosk_urls, publish_everything

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TARGETS = "a[href], button, input:not([type=hidden]), select, textarea"


@pytest.fixture
def published(county, agency_a, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return publish_everything(county, agency_a)


def test_every_kiosk_page(page, published):
    page.set_viewport_size({"width": 1080, "height": 1920})
    axe = Axe()
    leaving, small, serious, too_wide = {}, {}, {}, {}
    for name, url in kiosk_urls(published).items():
        page.goto(page.base + url)
        shot(page, f"kiosk-{name.split(':')[1]}-portrait")
        addresses = page.eval_on_selector_all(
            "a[href], form", "els => els.map(e => e.href || e.action)"
        )
        out = [a for a in addresses if not urlsplit(a).path.startswith("/kiosk/")]
        if out:
            leaving[name] = out
        boxes = page.eval_on_selector_all(
            TARGETS,
            "els => els.map(e => { const r = e.getBoundingClientRect();"
            " return [e.outerHTML.slice(0, 80), r.width, r.height]; })",
        )
        if tiny := [b for b in boxes if b[1] < 48 or b[2] < 48]:
            small[name] = tiny
        found = axe.run(page).response["violations"]
        if bad := [v["id"] for v in found if v["impact"] in ("serious", "critical")]:
            serious[name] = bad
        if page.evaluate(
            "document.documentElement.scrollWidth > document.documentElement.clientWidth"
        ):
            too_wide[name] = True
    # The same pages on a phone, to look at.
    page.set_viewport_size({"width": 375, "height": 800})
    for name in ("kiosk:home", "kiosk:item"):
        page.goto(page.base + kiosk_urls(published)[name])
        shot(page, f"kiosk-{name.split(':')[1]}-phone")
    assert leaving == {}
    assert small == {}
    assert serious == {}
    assert too_wide == {}
