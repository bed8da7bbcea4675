"""Every public page fits a 375 px phone screen without sideways scrolling, with a long 索引号,
文号 and title in the item's metadata box. A new public page must be added here or the test
that lists them fails."""

import pytest
import time_machine
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from gongkai.engagement import services as engagement
from gongkai.reports import services as reports
from gongkai.reports.workflow import REPORT_WORKFLOW
from tests.browser.conftest import shot
from tests.catalog.makers import Team, make_item
from tests.conftest import make_staff
from tests.engagement.makers import make_message

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PUBLIC_NAMESPACES = ("portal", "disclosure", "apply", "annual_reports", "search", "engage")
# Not pages: feeds, sitemaps, files and downloads, and the column's old 年报 address.
NOT_PAGES = {
    "disclosure:feed",
    "disclosure:agency_feed",
    "disclosure:topic_feed",
    "disclosure:sitemap",
    "disclosure:sitemap_section",
    "disclosure:attachment",
    "disclosure:reports",
    "apply:paper_form_docx",
    "apply:paper_form_pdf",
    "apply:reply_download",
    "apply:reply_file_download",
    "annual_reports:download",
}


def _public_url_names() -> set[str]:
    names = set()
    for entry in get_resolver().url_patterns:
        if isinstance(entry, URLResolver) and entry.namespace in PUBLIC_NAMESPACES:
            names |= {
                f"{entry.namespace}:{p.name}"
                for p in entry.url_patterns
                if isinstance(p, URLPattern)
            }
    return names - NOT_PAGES


@pytest.fixture
def published(county, agency_a, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    team = Team(agency_a)
    item = team.publish(
        make_item(
            agency_a,
            team.clerk,
            title="关于进一步做好2026年城乡居民最低生活保障和特困人员救助供养工作有关事项的通知",
            doc_no="测试县民政局发〔2026〕1234号",
        )
    )
    leader, supervisor = make_staff(agency_a, "leader"), make_staff(county, "supervisor")
    message = engagement.accept(
        make_message(agency_a, publish_consent=True), complex_case=False, user=team.clerk
    )
    message = engagement.reply(
        message, text="请携带户口簿到乡镇申请。" * 20, publish=True, user=team.clerk
    )
    with time_machine.travel("2026-01-10 10:00 +0800", tick=False):
        report = reports.create_draft(agency_a, 2025, user=leader)
        for name, user in (("submit", leader), ("accept", supervisor), ("publish", leader)):
            report = REPORT_WORKFLOW.perform(report, name, {}, user=user)
    return {"agency": agency_a, "item": item, "report": report, "message": message}


def _urls(published) -> dict[str, str]:
    agency, item, report = published["agency"], published["item"], published["report"]
    return {
        "portal:home": reverse("portal:home"),
        "portal:agency_list": reverse("portal:agency_list"),
        "portal:agency_detail": reverse("portal:agency_detail", args=[agency.pk]),
        "disclosure:index": reverse("disclosure:index"),
        "disclosure:browse": reverse("disclosure:browse") + f"?agency={agency.pk}",
        "disclosure:item": reverse("disclosure:item", args=[item.pk]),
        "disclosure:history": reverse("disclosure:history", args=[item.pk]),
        "disclosure:agency": reverse("disclosure:agency", args=[agency.pk]),
        "disclosure:guide": reverse("disclosure:guide", args=[agency.pk]),
        "disclosure:rules": reverse("disclosure:rules", args=[agency.pk]),
        "disclosure:apply": reverse("disclosure:apply", args=[agency.pk]),
        "apply:form": reverse("apply:form") + f"?agency={agency.pk}",
        "apply:receipt": reverse("apply:receipt"),
        "apply:status": reverse("apply:status"),
        "apply:deadline": reverse("apply:deadline") + "?start=2026-12-20&workdays=20",
        "annual_reports:list": reverse("annual_reports:list"),
        "annual_reports:agency": reverse("annual_reports:agency", args=[agency.pk]),
        "annual_reports:detail": reverse("annual_reports:detail", args=[report.pk]),
        "search:search": reverse("search:search") + "?q=最低生活保障",
        "engage:write": reverse("engage:write") + f"?kind=question&agency={agency.pk}",
        "engage:receipt": reverse("engage:receipt"),
        "engage:lookup": reverse("engage:lookup"),
        "engage:replies": reverse("engage:replies"),
        "engage:reply": reverse("engage:reply", args=[published["message"].pk]),
    }


def test_every_public_page_is_listed(published):
    assert set(_urls(published)) == _public_url_names()


def test_every_public_page_fits_a_phone(page, published):
    page.set_viewport_size({"width": 375, "height": 800})
    too_wide = {}
    for name, url in _urls(published).items():
        page.goto(page.base + url)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 0:
            too_wide[name] = overflow
            shot(page, f"too-wide-{name.replace(':', '-')}")
    page.goto(page.base + _urls(published)["disclosure:item"])
    shot(page, "item-phone")
    assert too_wide == {}


def test_an_item_page_has_reading_tools_and_a_qr_code(page, published):
    url = page.base + _urls(published)["disclosure:item"]
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
