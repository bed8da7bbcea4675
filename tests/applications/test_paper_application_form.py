"""Each agency's paper application form downloads from the portal as DOCX and PDF, names the
agency and its address, asks for what the online form asks, and embeds its CJK font."""

import io

from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from gongkai.applications import paper_form
from gongkai.checks.extract import extract_bytes


def _text(data: bytes, suffix: str) -> str:
    return "".join(extract_bytes(data, suffix).split())


def test_docx_and_pdf_name_the_agency_and_carry_the_online_fields(agency_a, agency_b):
    agency_a.address = "测试县城关镇政府路1号"
    agency_a.postcode = "100000"
    agency_a.disclosure_office_phone = "0000-1234567"
    agency_a.save()
    client = Client()
    for name, suffix in (("apply:paper_form_docx", ".docx"), ("apply:paper_form_pdf", ".pdf")):
        response = client.get(reverse(name, args=[agency_a.pk]))
        assert response.status_code == 200
        assert "attachment" in response["Content-Disposition"]
        text = _text(response.content, suffix)
        assert "政府信息公开申请表" in text
        assert f"受理机关：{agency_a.name}" in text
        assert "测试县城关镇政府路1号" in text and "0000-1234567" in text
        assert agency_b.name not in text
        for label in (
            "姓名或单位名称",
            "证件号码（自然人填写）",
            "统一社会信用代码（法人或其他组织填写）",
            "所需政府信息的名称或内容描述",
            "□纸质文本",
            "□电子邮件",
            "□商业企业",
            "申请人签名或者盖章",
        ):
            assert label in text, (suffix, label)


def test_the_pdf_embeds_its_cjk_font(agency_a):
    reader = PdfReader(io.BytesIO(paper_form.to_pdf(agency_a)))
    fonts = [
        font.get_object() for page in reader.pages for font in page["/Resources"]["/Font"].values()
    ]
    assert any("/FontFile2" in f.get("/FontDescriptor", {}) for f in fonts)


def test_the_apply_page_links_each_agencys_form(agency_a):
    page = Client().get(reverse("apply:form")).content.decode()
    assert reverse("apply:paper_form_pdf", args=[agency_a.pk]) in page
    assert reverse("apply:paper_form_docx", args=[agency_a.pk]) in page


def test_an_unknown_agency_has_no_form(db):
    assert Client().get(reverse("apply:paper_form_pdf", args=[999999])).status_code == 404
