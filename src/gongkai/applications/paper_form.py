"""The paper application form (政府信息公开申请表) of one agency, as DOCX and as PDF.

Its rows are the fields of the online form, so the paper and the online application ask for
the same things; choices are printed with a box to tick.
"""

import io
from dataclasses import dataclass
from xml.sax.saxutils import escape  # what reportlab's Paragraph markup needs

from django import forms as django_forms

from gongkai.agencies.models import Agency
from gongkai.core import fonts

from .forms import IntakeForm

TITLE = "政府信息公开申请表"
NOTES = (
    "1. 申请人为自然人的，请填写证件类型、证件号码，并附身份证明复印件；"
    "申请人为法人或者其他组织的，请填写统一社会信用代码、法定代表人或负责人，并附营业执照或登记证书复印件。",
    "2. 请尽量写明所需政府信息的名称、文号、制作时间等特征，以便准确查找。",
    "3. 本机关自收到申请之日起20个工作日内答复；需要延长的，延长期限不超过20个工作日"
    "（《中华人民共和国政府信息公开条例》第三十三条）。",
)
BOX = "□"


class PaperFormError(RuntimeError):
    """The PDF cannot be made (no embeddable CJK font); the message says why."""


@dataclass(frozen=True)
class Row:
    label: str
    blank: str  # what the applicant writes into: empty, or the choices with boxes


def header(agency: Agency) -> list[str]:
    """Where the form goes: the agency's name, office, address and telephone, as known."""
    lines = [f"受理机关：{agency.name}"]
    if agency.disclosure_office:
        lines.append(f"政府信息公开工作机构：{agency.disclosure_office}")
    if agency.address:
        postcode = f"（邮政编码 {agency.postcode}）" if agency.postcode else ""
        lines.append(f"地址：{agency.address}{postcode}")
    phone = agency.disclosure_office_phone or agency.phone
    if phone:
        lines.append(f"电话：{phone}")
    return lines


def rows() -> list[Row]:
    """The online form's fields, in its order, each as one row of the paper form."""
    result = []
    for field in IntakeForm().fields.values():
        if isinstance(field, django_forms.ChoiceField):
            blank = "  ".join(f"{BOX}{label}" for value, label in field.choices if value)
        else:
            blank = ""
        result.append(Row(str(field.label), blank))
    result.append(Row("申请人签名或者盖章", ""))
    result.append(Row("申请日期", "      年    月    日"))
    return result


def to_docx(agency: Agency) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    document = Document()
    style = document.styles["Normal"]
    style.font.name = "仿宋"
    style.font.size = Pt(12)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋")
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(TITLE)
    run.bold = True
    run.font.size = Pt(20)
    for line in header(agency):
        document.add_paragraph(line)
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for row in rows():
        cells = table.add_row().cells
        cells[0].width, cells[1].width = Cm(5), Cm(11)
        cells[0].text, cells[1].text = row.label, row.blank
    document.add_paragraph("填表说明")
    for note in NOTES:
        document.add_paragraph(note)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def to_pdf(agency: Agency) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    try:
        font = fonts.register_pdf_font()
    except fonts.FontMissing as error:
        raise PaperFormError(str(error)) from None
    body = ParagraphStyle("body", fontName=font, fontSize=11, leading=18, wordWrap="CJK")
    title = ParagraphStyle("title", parent=body, fontSize=20, leading=32, alignment=TA_CENTER)
    story = [Paragraph(escape(TITLE), title), Spacer(1, 4 * mm)]
    story += [Paragraph(escape(line), body) for line in header(agency)]
    story.append(Spacer(1, 4 * mm))
    grid = Table(
        [
            [Paragraph(escape(row.label), body), Paragraph(escape(row.blank), body)]
            for row in rows()
        ],
        colWidths=[52 * mm, 106 * mm],
    )
    grid.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    story += [grid, Spacer(1, 4 * mm), Paragraph("填表说明", body)]
    story += [Paragraph(escape(note), body) for note in NOTES]
    out = io.BytesIO()
    SimpleDocTemplate(
        out,
        pagesize=A4,
        title=f"{agency.name}{TITLE}",
        leftMargin=25 * mm,
        rightMargin=25 * mm,
        topMargin=25 * mm,
        bottomMargin=25 * mm,
    ).build(story)
    return out.getvalue()
