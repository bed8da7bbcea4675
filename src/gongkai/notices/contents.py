"""What each kind of notice prints, from the published record: an item, an agency's guide
(政府信息公开指南), its catalog (公开目录: the newest items) and a published annual report.

How much of the text goes on the board: an item and the guide print in full over as many
pages as they need, since a notice stands for the published text and half an announcement
misleads; the catalog lists the newest items and the annual report prints its 总体情况, and
both say the rest is on the website — a board cannot hold a whole catalog, and the report's
statistical tables do not read at a distance.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from gongkai.agencies.models import Agency
from gongkai.catalog import guides
from gongkai.catalog.models import InfoItem
from gongkai.checks.extract import html_to_text
from gongkai.reports.content import ReportContent
from gongkai.reports.exports import paragraphs
from gongkai.reports.models import AnnualReport

from .sheet import Notice

CATALOG_ROWS = 30
TERM_MAX_CHARS = 8


def absolute(path: str) -> str:
    """The address a printed QR code carries: the public site's (GONGKAI_BASE_URL), not the
    host the notice was asked from, which may be the workbench's internal one."""
    return settings.GONGKAI_BASE_URL.rstrip("/") + path


def item_notice(item: InfoItem) -> Notice:
    version = item.published_version
    text = paragraphs(version.body)
    titles = [a.title for a in version.attachments.all()]
    if titles:
        text.append("附件：" + "；".join(titles) + "（见网站）")
    return Notice(
        agency=item.agency.name,
        title=version.title,
        reference=version.doc_no,
        published_on=timezone.localdate(item.first_published_at),
        url=absolute(reverse("disclosure:item", args=[item.pk])),
        paragraphs=text,
    )


def guide_notice(agency: Agency) -> Notice:
    context = guides.guide_context(agency)
    updated = context["updated"]
    # The page's own date line is the notice's 发布日期, printed once in the heading.
    markup = render_to_string("catalog/public/guide_text.html", context | {"updated": None})
    title = f"{agency.name}政府信息公开指南"
    # The page's facts (办公地址, 电话…) are a term list: each term ends in "：" and its value
    # follows on the same line.
    text = html_to_text(markup.replace("</dt>", "：</dt>")).removeprefix(title)
    return Notice(
        agency=agency.name,
        title=title,
        published_on=timezone.localdate(updated) if updated else None,
        url=absolute(reverse("disclosure:guide", args=[agency.pk])),
        paragraphs=_terms_joined(paragraphs(text)),
    )


def _terms_joined(lines: list[str]) -> list[str]:
    """A term of a list (a short line ending in "：") and its value as one paragraph."""
    joined: list[str] = []
    for line in lines:
        if joined and joined[-1].endswith("：") and len(joined[-1]) <= TERM_MAX_CHARS:
            joined[-1] += line
        else:
            joined.append(line)
    return joined


def catalog_notice(agency: Agency) -> Notice:
    items = InfoItem.objects.public().filter(agency=agency).select_related("published_version")
    total = items.count()
    newest = list(items.order_by("-first_published_at", "-pk")[:CATALOG_ROWS])
    today = timezone.localdate()
    intro = (
        f"截至{today.year}年{today.month}月{today.day}日，本机关主动公开政府信息{total}条，"
        f"最近公开的{len(newest)}条如下："
        if newest
        else f"截至{today.year}年{today.month}月{today.day}日，本机关尚无主动公开的政府信息。"
    )
    return Notice(
        agency=agency.name,
        title=f"{agency.name}政府信息公开目录",
        published_on=None,
        url=absolute(reverse("disclosure:browse") + f"?agency={agency.pk}"),
        paragraphs=[intro],
        lines=[
            (
                item.published_version.title,
                timezone.localdate(item.first_published_at).isoformat(),
            )
            for item in newest
        ],
        cut=total > len(newest),
    )


def report_notice(report: AnnualReport) -> Notice:
    content = ReportContent.from_json(report.published_content)
    return Notice(
        agency=report.agency.name,
        title=report.title,
        published_on=timezone.localdate(report.published_at),
        url=absolute(reverse("annual_reports:detail", args=[report.pk])),
        paragraphs=[content.spec.headings[0], *paragraphs(content.overview)],
        cut=True,
    )
