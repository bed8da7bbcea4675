"""No identifier of the code reaches a clerk: every workbench page of the demo county, as each
demo login sees it, is free of snake_case and dotted names (model labels, action and field
names, word-list and rule codes). Usernames and e-mail domains are data, not code."""

import html
import re
from urllib.parse import urljoin, urlparse

import pytest
from django.contrib.auth import get_user_model

from gongkai.demo import data
from tests.conftest import login

pytestmark = pytest.mark.django_db

IDENTIFIER = re.compile(r"\b[a-z][a-z0-9]*(?:[._][a-z0-9]+)+\b")
DOMAIN = re.compile(r"\.(cn|com|org|net)$")
LINK = re.compile(r'href="([^"#]+)"')
NOT_PAGES = ("download", "export", "logout", "/pdf/", "/docx/", "/scans/", "page=", "/files/")
PAGES_PER_LOGIN = 80


def _text(page: str) -> str:
    page = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", page, flags=re.S)
    page = re.sub(r'\s(?:title|value|name|id|class|href|for|action)="[^"]*"', " ", page)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def _links(url: str, page: str):
    for href in LINK.findall(page):
        target = urlparse(urljoin(url, html.unescape(href)))
        if target.netloc or not target.path.startswith("/workbench/"):
            continue
        path = target.path + (f"?{target.query}" if target.query else "")
        if not any(part in path for part in NOT_PAGES):
            yield path


def test_workbench_pages_carry_no_identifiers():
    logins = data.load()
    usernames = {entry.username for entry in logins}
    found: dict[str, set[str]] = {}
    visited = 0
    for entry in logins:
        client = login(get_user_model().objects.get(username=entry.username))
        seen, queue = set(), ["/workbench/"]
        while queue and len(seen) < PAGES_PER_LOGIN:
            url = queue.pop(0)
            if url in seen:
                continue
            seen.add(url)
            response = client.get(url)
            if response.status_code != 200 or "text/html" not in response["Content-Type"]:
                continue
            page = response.content.decode()
            for token in IDENTIFIER.findall(_text(page)):
                if token not in usernames and not DOMAIN.search(token):
                    found.setdefault(token, set()).add(f"{entry.username} {url}")
            queue += [link for link in _links(url, page) if link not in seen]
        visited += len(seen)
    assert visited > 100  # the walk reached the workbench, not just a login page
    assert found == {}


def test_report_corrections_name_their_cells_in_words(county, agency_a):
    """The corrections list and its cell chooser say 「表四 行政复议 × 总计」, not
    t4.reconsideration.total."""
    from django.urls import reverse

    from gongkai.reports import services
    from tests.conftest import make_staff

    clerk = make_staff(agency_a, "clerk")
    report = services.create_draft(agency_a, 2025, user=clerk)
    services.override_cell(
        report, user=clerk, cell="t4.reconsideration.total", value="0", reason="核对后更正"
    )
    page = _text(login(clerk).get(reverse("reports:detail", args=[report.pk])).content.decode())
    assert "表四 行政复议 × 总计" in page and "表三 （一）予以公开 × 自然人" in page
    assert IDENTIFIER.findall(page) == []
