"""When a message is held for a person to look at before anyone handles it.

Nothing is dropped: a held message waits in the 疑似垃圾信息 list until staff release or
refuse it. The checks library's spam kind decides what is spam; a flood of links is too.
"""

from gongkai.checks.findings import Severity
from gongkai.checks.services import check_text

# A real question rarely cites more than a couple of pages; link farms paste dozens.
MAX_LINKS = 3


def held_reason(*texts: str) -> str:
    """Why the message is held, or "" when it goes straight to the handlers."""
    findings = [f for text in texts for f in check_text(text, kinds=["spam_injection"])]
    blocking = [f for f in findings if f.severity == Severity.BLOCK]
    if blocking:
        words = "、".join(dict.fromkeys(f.text for f in blocking[:3]))
        return f"含有赌博、色情或引流字样（{words}）"
    links = [f for f in findings if f.severity != Severity.BLOCK]
    if len(links) > MAX_LINKS:
        return f"含有{len(links)}个外部网址，疑似刷链接"
    return ""
