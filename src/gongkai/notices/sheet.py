"""A notice for a bulletin board (公示栏) as a PDF: A4 or A3, large type, the agency, the dates,
the title and the text, and on every page a QR code to the page on line.

A3 is A4 scaled by √2, so one layout serves both: every measure is in A4 points and multiplied
by the sheet's scale, and an A3 notice holds the same words per page, only larger, for a board
read from further away.
"""

import re
from dataclasses import dataclass, field
from datetime import date
from io import BytesIO
from xml.sax.saxutils import escape

import segno
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A3, A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Spacer

from gongkai.core import fonts

SHEETS = {"a4": (A4, 1.0), "a3": (A3, 2**0.5)}
# Sizes on A4, in points: a body of 16 pt reads at two metres, three times a letter's 小四.
TITLE_PT, BODY_PT, AGENCY_PT, SMALL_PT = 26, 16, 20, 11
MARGIN_MM, QR_MM = 18, 32


@dataclass(frozen=True)
class Notice:
    """What a notice prints. `url` is the absolute address of the page on line (the QR code);
    `cut` says the text shown is not all of it and the rest is on line."""

    agency: str
    title: str
    published_on: date | None
    url: str
    reference: str = ""  # 文号, under the title
    paragraphs: list[str] = field(default_factory=list)
    lines: list[tuple[str, str]] = field(default_factory=list)  # a list's rows: (text, date)
    cut: bool = False


def write_pdf(notice: Notice, sheet: str, posted_on: date) -> bytes:
    """The notice on `sheet` ("a4" or "a3"); pages follow as the text needs them."""
    page_size, scale = SHEETS[sheet]
    body_font = fonts.register_pdf_font(fonts.Role.BODY)
    title_font = fonts.register_pdf_font(fonts.Role.TITLE)
    heading_font = fonts.register_pdf_font(fonts.Role.HEADING)

    def style(name, font, size, **kw) -> ParagraphStyle:
        return ParagraphStyle(
            name,
            fontName=font,
            fontSize=size * scale,
            leading=size * scale * 1.5,
            wordWrap="CJK",
            **kw,
        )

    agency = style("agency", heading_font, AGENCY_PT, alignment=TA_CENTER)
    title = style("title", title_font, TITLE_PT, alignment=TA_CENTER, spaceBefore=8 * scale)
    dates = style("dates", body_font, SMALL_PT * 1.3, alignment=TA_CENTER)
    body = style("body", body_font, BODY_PT, firstLineIndent=2 * BODY_PT * scale)
    row = style(
        "row", body_font, BODY_PT, leftIndent=BODY_PT * scale, firstLineIndent=-BODY_PT * scale
    )

    flow = [Paragraph(escape(notice.agency), agency), Paragraph(escape(notice.title), title)]
    if notice.reference:
        flow.append(Paragraph(escape(notice.reference), dates))
    flow += [Paragraph(escape(line), dates) for line in _date_lines(notice.published_on, posted_on)]
    flow.append(Spacer(1, 8 * mm * scale))
    heading = style("heading", heading_font, BODY_PT * 1.1, spaceBefore=6 * scale, keepWithNext=1)
    flow += [
        Paragraph(escape(text), heading if is_heading(text) else body) for text in notice.paragraphs
    ]
    flow += [
        Paragraph(f"{escape(text)}（{escape(day)}）" if day else escape(text), row)
        for text, day in notice.lines
    ]
    if notice.cut:
        flow.append(Spacer(1, 4 * mm * scale))
        flow.append(Paragraph("（全文见网站，扫描页面下方二维码查看）", body))

    width, height = page_size
    margin, qr_size = MARGIN_MM * mm * scale, QR_MM * mm * scale
    footer = qr_size + 4 * mm * scale
    frame = Frame(margin, margin + footer, width - 2 * margin, height - 2 * margin - footer)
    qr = _qr_image(notice.url)

    def furniture(canvas, doc):
        canvas.saveState()
        canvas.drawImage(qr, width - margin - qr_size, margin, qr_size, qr_size)
        canvas.setFont(body_font, SMALL_PT * scale)
        x, line = margin, SMALL_PT * scale * 1.5
        canvas.drawString(x, margin + 2 * line, "扫码查看网上全文：")
        canvas.drawString(x, margin + line, notice.url)
        canvas.drawString(x, margin, f"第 {doc.page} 页")
        canvas.restoreState()

    out = BytesIO()
    document = BaseDocTemplate(
        out,
        pagesize=page_size,
        title=notice.title,
        author=notice.agency,
        pageTemplates=[PageTemplate("notice", [frame], onPage=furniture)],
    )
    document.build(flow)
    return out.getvalue()


# A first-level heading of a Chinese text: 「一、」 to 「十、」 opening a short line, set in 黑体
# without indent (GB/T 9704-2012 §7.3.3).
FIRST_LEVEL = re.compile(r"^[一二三四五六七八九十]{1,3}、")
HEADING_MAX_CHARS = 30


def is_heading(text: str) -> bool:
    return bool(FIRST_LEVEL.match(text)) and len(text) <= HEADING_MAX_CHARS


def _date_lines(published_on: date | None, posted_on: date) -> list[str]:
    """发布日期 is the page's; 张贴日期 is the day it is printed; 张贴期限 is left for the
    clerk to write by hand, since no rule fixes how long a notice stays up."""
    dates = [f"张贴日期：{_chinese_date(posted_on)}"]
    if published_on:
        dates.insert(0, f"发布日期：{_chinese_date(published_on)}")
    return ["　".join(dates), "张贴期限：至　　　　年　　月　　日"]


def _chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _qr_image(url: str) -> ImageReader:
    out = BytesIO()
    segno.make(url, error="m").save(out, kind="png", scale=10, border=2)
    out.seek(0)
    return ImageReader(out)
