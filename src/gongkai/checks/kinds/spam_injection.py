"""Gambling, pornography and SEO spam injected into government pages."""

import re
from collections.abc import Iterator

from ..checker import Checker, register
from ..findings import Finding, Severity
from ..lists import ListData
from ..matching import PhraseMatcher
from ._context import char_before

# A domain in running text, with any path after it. A scheme or an e-mail user name before it
# is looked at separately (see _context), so the pattern can start with a plain class.
DOMAIN = re.compile(
    r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*"
    r"\.(?i:com|net|org|cn|cc|vip|top|xyz|info|biz|me|tv|app|io|co|hk|tw|mo|gov|bet|casino|win"
    r"|club|site|online|shop|live|fun)(?![A-Za-z0-9-])"
    r"(?:[:/][!-~]*)?"
)
SCHEME = re.compile(r"https?://$", re.IGNORECASE)
# A domain glued to one of these is an e-mail address, a file name or part of a longer name.
NOT_A_DOMAIN_START = frozenset("@._-") | frozenset(
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
)


@register
class SpamInjection(Checker):
    kind = "spam_injection"
    severity = Severity.BLOCK

    def __init__(self, data: ListData) -> None:
        super().__init__(data)
        phrases: dict[str, tuple[Severity, str]] = {}
        for term in data.get("terms", []):
            phrases[term] = (Severity.WARN, "term")
        for brand in data.get("brands", []):
            phrases[brand] = (Severity.BLOCK, "brand")
        for phrase in data.get("phrases", []):
            phrases[phrase] = (Severity.BLOCK, "phrase")
        self.matcher = PhraseMatcher(phrases, ignore_case=True)
        self.patterns = [re.compile(pattern) for pattern in data.get("patterns", [])]
        self.trusted = tuple(
            suffix.lower().lstrip(".") for suffix in data.get("trusted_domain_suffixes", [])
        )

    def _trusted(self, domain: str) -> bool:
        domain = domain.lower()
        return any(domain == suffix or domain.endswith("." + suffix) for suffix in self.trusted)

    def find(self, text: str) -> Iterator[Finding]:
        for start, end, (severity, source) in self.matcher.finditer(text):
            word = text[start:end]
            if source == "brand":
                message = f"「{word}」是博彩或色情网站的名称，常见于被篡改、植入垃圾信息的网页。"
            elif source == "phrase":
                message = f"「{word}」是赌博、色情或引流网站的典型话术，不应出现在政务信息中。"
            else:
                message = (
                    f"「{word}」是赌博或色情用语。如属打击违法犯罪的正常通报可保留，"
                    "否则可能是被植入的垃圾信息。"
                )
            yield self.finding(
                start, end, text, message, suggestion="删除植入内容", severity=severity
            )
        for pattern in self.patterns:
            for match in pattern.finditer(text):
                yield self.finding(
                    *match.span(),
                    text,
                    f"「{match.group()}」是垃圾网站挂在标题或链接上的引流字样，"
                    "说明页面可能已被篡改。",
                    suggestion="删除植入内容",
                )
        for match in DOMAIN.finditer(text):
            start = match.start()
            scheme = SCHEME.search(text, max(0, start - 8), start)
            if scheme:
                start = scheme.start()
            if char_before(text, start) in NOT_A_DOMAIN_START:
                continue
            domain = match.group().split("/", 1)[0].split(":", 1)[0]
            if self._trusted(domain):
                continue
            yield self.finding(
                start,
                match.end(),
                text,
                f"正文中出现非政府网站的域名「{domain}」。"
                "请确认该链接确属必要、指向可信网站，且不是被植入的外链。",
                suggestion="删除外链，或改为政府网站的链接",
                severity=Severity.WARN,
            )
