"""A rendered letter as DOCX and PDF files laid out in the GB/T 9704 manner.

Title in 二号小标宋, the letter's number under it, the addressee flush left, the body in 三号
仿宋 with a two-character first-line indent, the enclosures (附件说明), then room for the seal
and the organ's name centred over the date at the lower right; «— 1 —» page numbers.
"""

import io
from dataclasses import dataclass
from datetime import date

from gongkai.core import fonts
from gongkai.core.gbt9704 import PARAGRAPH_INDENT, enclosure_lines


@dataclass(frozen=True)
class Rendered:
    title: str
    number: str
    body: str
    signature: str
    dated: date
    enclosures: tuple[str, ...] = ()

    @property
    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.body.split("\n") if p.strip()]

    @property
    def enclosure_text(self) -> list[str]:
        return [text for text, _, _ in enclosure_lines(list(self.enclosures))]

    @property
    def text(self) -> str:
        lines = [self.title, self.number, self.body, *self.enclosure_text, self.signature]
        return "\n".join([*lines, cn_date(self.dated)])


def cn_date(day: date) -> str:
    """成文日期 in Arabic numerals with 年月日 (GB/T 9704 §7.3.5.1)."""
    return f"{day.year}年{day.month}月{day.day}日"


def _indent(index: int, paragraph: str) -> int:
    """Two characters, but the first line «张三：» stands flush left (主送, §7.3.2)."""
    addressee = index == 0 and paragraph.endswith("：") and len(paragraph) <= 40
    return 0 if addressee else PARAGRAPH_INDENT


def to_docx(rendered: Rendered) -> bytes:
    from gongkai.core import gongwen_docx as page

    document = page.new_document()
    page.title(document, rendered.title)
    page.paragraph(document, rendered.number, indent=0, align="center")
    document.add_paragraph()
    for n, text in enumerate(rendered.paragraphs):
        page.paragraph(document, text, indent=_indent(n, text))
    page.enclosures(document, list(rendered.enclosures))
    page.signature(document, rendered.signature, cn_date(rendered.dated))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def to_pdf(rendered: Rendered) -> bytes:
    """Raises fonts.FontMissing when no embeddable face is installed."""
    from gongkai.core import gongwen_pdf as page

    body = fonts.register_pdf_font(fonts.Role.BODY)
    story = [
        page.title(rendered.title),
        page.paragraph(rendered.number, body, indent=0, align="center"),
        page.blank(),
    ]
    for n, text in enumerate(rendered.paragraphs):
        story.append(page.paragraph(text, body, indent=_indent(n, text)))
    last = page.enclosures(list(rendered.enclosures), body) or [story.pop()]
    story.append(page.signature(rendered.signature, cn_date(rendered.dated), body, last))
    out = io.BytesIO()
    page.document(out, f"{rendered.title} {rendered.number}").build(story)
    return out.getvalue()
