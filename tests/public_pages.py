"""The portal's public addresses, walked from the URL configuration, and a county with
something published at each of them: a long-titled item and an annual report."""

from datetime import timedelta

import time_machine
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from gongkai.catalog.models import Topic
from gongkai.engagement import consultations
from gongkai.engagement import services as engagement
from gongkai.reports import services as reports
from gongkai.reports.workflow import REPORT_WORKFLOW
from tests.catalog.makers import Team, make_item
from tests.conftest import make_staff
from tests.engagement.consultation_makers import concluded_consultation, make_consultation
from tests.engagement.makers import make_message

PUBLIC_NAMESPACES = (
    "portal",
    "disclosure",
    "apply",
    "annual_reports",
    "search",
    "engage",
    "jiedu",
    "notices",
    "kiosk",
)
# Not pages: feeds, sitemaps, the site description, files and downloads (the printed notices
# among them), and the column's old 年报 address.
NOT_PAGES = {
    "portal:site_description",
    "portal:leader_photo",
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
    "engage:consultation_draft",
    "notices:item",
    "notices:guide",
    "notices:catalog",
    "notices:report",
}


def written_before_today() -> dict:
    """An item's dates a month before "today", whichever day the suite runs on (the date guard
    moves "today"): `make_item(..., **written_before_today())`."""
    day = timezone.localdate() - timedelta(days=30)
    return {"written_on": day, "formed_on": day}


def public_patterns() -> dict[str, URLPattern]:
    """Every public URL pattern by its name, pages and files alike."""
    found = {}
    for entry in get_resolver().url_patterns:
        if isinstance(entry, URLResolver) and entry.namespace in PUBLIC_NAMESPACES:
            for p in entry.url_patterns:
                if isinstance(p, URLPattern):
                    found[f"{entry.namespace}:{p.name}"] = p
    return found


def public_page_names() -> set[str]:
    return set(public_patterns()) - NOT_PAGES


def publish_everything(county, agency_a) -> dict:
    team = Team(agency_a)
    item = team.publish(
        make_item(
            agency_a,
            team.clerk,
            title="关于进一步做好2026年城乡居民最低生活保障和特困人员救助供养工作有关事项的通知",
            doc_no="测试县民政局发〔2026〕1234号",
            **written_before_today(),
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
    consultation = concluded_consultation(agency_a, team.clerk)
    open_consultation = consultations.open_(
        make_consultation(agency_a, team.clerk), user=team.clerk
    )
    return {
        "agency": agency_a,
        "item": item,
        "report": report,
        "team": team,
        "message": message,
        "consultation": consultation,
        "open_consultation": open_consultation,
    }


def page_urls(published) -> dict[str, str]:
    """An address of every public page, by its URL name."""
    agency, item, report = published["agency"], published["item"], published["report"]
    consultation = published["consultation"]
    return {
        "portal:home": reverse("portal:home"),
        "portal:agency_list": reverse("portal:agency_list"),
        "portal:agency_detail": reverse("portal:agency_detail", args=[agency.pk]),
        "portal:new_media": reverse("portal:new_media"),
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
        "jiedu:agency": reverse("jiedu:agency", args=[agency.pk]),
        "engage:consultations": reverse("engage:consultations"),
        "engage:consultation": reverse(
            "engage:consultation", args=[published["open_consultation"].pk]
        ),
        "engage:consultation_result": reverse("engage:consultation_result", args=[consultation.pk]),
    } | kiosk_urls(published)


def kiosk_urls(published) -> dict[str, str]:
    """An address of every page of the touch-screen kiosk, by its URL name."""
    agency, item = published["agency"], published["item"]
    return {
        "kiosk:home": reverse("kiosk:home"),
        "kiosk:agencies": reverse("kiosk:agencies"),
        "kiosk:browse": reverse("kiosk:browse") + f"?agency={agency.pk}",
        "kiosk:item": reverse("kiosk:item", args=[item.pk]),
        "kiosk:search": reverse("kiosk:search") + "?q=最低生活保障",
        "kiosk:guides": reverse("kiosk:guides"),
        "kiosk:guide": reverse("kiosk:guide", args=[agency.pk]),
        "kiosk:apply": reverse("kiosk:apply", args=[agency.pk]),
    }


def feed_urls(published) -> dict[str, str]:
    """An address of every public feed, sitemap and published file, by its URL name."""
    agency, item, report = published["agency"], published["item"], published["report"]
    topic = Topic.objects.get(parent=None, name="综合政务")
    return {
        "portal:site_description": reverse("portal:site_description"),
        "disclosure:feed": reverse("disclosure:feed"),
        "disclosure:agency_feed": reverse("disclosure:agency_feed", args=[agency.pk]),
        "disclosure:topic_feed": reverse("disclosure:topic_feed", args=[topic.pk]),
        "disclosure:sitemap": reverse("disclosure:sitemap"),
        "disclosure:sitemap_section": reverse("disclosure:sitemap_section", args=["items"]),
        "annual_reports:download": reverse("annual_reports:download", args=[report.pk])
        + "?as=xlsx",
        "engage:consultation_draft": reverse(
            "engage:consultation_draft", args=[published["consultation"].pk]
        ),
        "notices:item": reverse("notices:item", args=[item.pk]),
        "notices:guide": reverse("notices:guide", args=[agency.pk]) + "?size=a3",
        "notices:catalog": reverse("notices:catalog", args=[agency.pk]),
        "notices:report": reverse("notices:report", args=[report.pk]),
    }
