"""Published-content integrity: what the portal actually serves, set against what was approved.

When a version is published its fingerprint (a SHA-256 of its title and body with white space
removed) goes into the hash-chained audit trail. A scan fetches every published item page from
the running portal, fingerprints the title and body it finds there, and runs the spam and
secret-marking checks on everything the page shows. A defaced page — edited in the database,
in a template, or by a proxy in front — differs, or carries injected text, and is reported.
"""

import hashlib
import unicodedata
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser

from django.urls import reverse

from gongkai.core.audit import record_transition
from gongkai.core.models import AuditEvent

from .findings import Severity
from .services import check_text

FINGERPRINT_ACTION = "publish_fingerprint"
INJECTION_KINDS = ("spam_injection", "secret_marking")
# The item page marks the approved content with these classes (catalog/public/item.html).
TITLE_CLASS, BODY_CLASS = "doc-title", "body-text"
FETCH_TIMEOUT_SECONDS = 20


def _squash(text: str) -> str:
    return "".join(unicodedata.normalize("NFC", text).split())


def fingerprint(title: str, body: str) -> str:
    return hashlib.sha256(f"{_squash(title)}\n{_squash(body)}".encode()).hexdigest()


def record_fingerprint(sender, item, version, **kwargs) -> None:
    """Receiver of `catalog.signals.item_published`: remember what was approved."""
    record_transition(
        version, FINGERPRINT_ACTION, item=item.pk, sha256=fingerprint(version.title, version.body)
    )


def record_fingerprints(sender, agency, published, **kwargs) -> None:
    """Receiver of `catalog.signals.items_published`: one record on the agency for the batch,
    each fingerprint under its version's id."""
    record_transition(
        agency,
        FINGERPRINT_ACTION,
        fingerprints={str(v.pk): fingerprint(v.title, v.body) for _, v in published},
    )


def approved_fingerprint(version) -> str | None:
    """The fingerprint recorded last for `version`, alone or in a batch."""
    recorded = AuditEvent.objects.filter(action=FINGERPRINT_ACTION)
    alone = recorded.filter(record_type=version._meta.label_lower, record_id=str(version.pk))
    in_batch = recorded.filter(
        record_type=version.item.agency._meta.label_lower,
        record_id=str(version.item.agency_id),
        after__fingerprints__has_key=str(version.pk),
    )
    event = (alone | in_batch).order_by("-seq").first()
    if event is None:
        return None
    return event.after.get("sha256") or event.after["fingerprints"][str(version.pk)]


class _PageText(HTMLParser):
    """The served title, body and whole visible text of an item page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: dict[str, list[str]] = {TITLE_CLASS: [], BODY_CLASS: [], "all": []}
        self._open: list[tuple[str, str | None]] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in {"br", "img", "meta", "link", "input", "hr"}:
            return
        classes = (dict(attrs).get("class") or "").split()
        marked = next((c for c in (TITLE_CLASS, BODY_CLASS) if c in classes), None)
        self._open.append((tag, marked))
        if tag in {"script", "style"}:
            self._skip += 1

    def handle_endtag(self, tag):
        while self._open:
            opened, _ = self._open.pop()
            if opened in {"script", "style"}:
                self._skip -= 1
            if opened == tag:
                break

    def handle_data(self, data):
        if self._skip:
            return
        self.parts["all"].append(data)
        for _, marked in self._open:
            if marked:
                self.parts[marked].append(data)

    def text(self, part: str) -> str:
        return "".join(self.parts[part])


@dataclass
class PageReport:
    item_id: int
    index_no: str
    url: str
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict:
        return {
            "item": self.item_id,
            "index_no": self.index_no,
            "url": self.url,
            "ok": self.ok,
            "problems": self.problems,
            "notes": self.notes,
        }


Fetch = Callable[[str], str]


def fetch_page(url: str) -> str:
    with urllib.request.urlopen(url, timeout=FETCH_TIMEOUT_SECONDS) as response:
        charset = response.headers.get_content_charset() or "utf-8"
        return response.read().decode(charset, "replace")


def scan_item(item, base_url: str, fetch: Fetch = fetch_page) -> PageReport:
    version = item.published_version
    url = base_url.rstrip("/") + reverse("disclosure:item", args=[item.pk])
    report = PageReport(item.pk, item.index_no, url)
    try:
        html = fetch(url)
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        report.problems.append(f"页面无法访问：{getattr(exc, 'reason', exc)}")
        return report
    page = _PageText()
    page.feed(html)
    expected = approved_fingerprint(version)
    if expected is None:
        report.notes.append("该版本发布时未留存指纹，按数据库中的审查版本比对")
        expected = fingerprint(version.title, version.body)
    if fingerprint(page.text(TITLE_CLASS), page.text(BODY_CLASS)) != expected:
        report.problems.append("页面显示的标题或正文与审查通过的版本不一致")
    approved_hits = {f.text for f in check_text(version.body, kinds=INJECTION_KINDS)}
    for finding in check_text(page.text("all"), kinds=INJECTION_KINDS):
        if finding.severity == Severity.BLOCK and finding.text not in approved_hits:
            report.problems.append(f"页面含有植入内容「{finding.text}」：{finding.message}")
    return report


def scan(items: Iterable, base_url: str, fetch: Fetch = fetch_page) -> list[PageReport]:
    return [scan_item(item, base_url, fetch) for item in items]
