"""Letters are rendered from templates, numbered per agency, year and kind, kept as DOCX and
PDF (with the CJK font embedded), and read back with the text the applicant will see."""

import pytest
import time_machine
from pypdf import PdfReader

from gongkai.applications import letters, services
from gongkai.applications.models import LetterTemplate
from gongkai.checks.extract import extract_bytes
from gongkai.lib.errors import Refused
from tests.applications.cases import d, make_case
from tests.conftest import make_staff


def _read(field) -> str:
    with field.open("rb") as handle:
        text = extract_bytes(handle.read(), "." + field.name.rsplit(".", 1)[1])
    # PDF lines break inside sentences; compare the text without line breaks.
    return "".join(text.split())


@time_machine.travel("2025-11-20 10:00 +0800")
def test_reply_for_partial_disclosure_cites_the_article_and_the_remedies(county, agency_a):
    clerk = make_staff(agency_a, "clerk")
    case = make_case(agency_a, "2025-10-27", user=clerk)
    services.decide(
        case,
        on=d("2025-11-18"),
        outcome="partial",
        legal_basis="《中华人民共和国政府信息公开条例》第三十七条",
        reasons="其中涉及个人隐私的内容不予公开。",
        user=clerk,
    )
    letter = letters.generate(case, "reply", user=clerk)
    assert letter.number == "测试县甲局依申复〔2025〕1号"
    for text in (_read(letter.docx), _read(letter.pdf)):
        assert "政府信息公开申请答复书" in text
        assert "第三十七条" in text
        assert "涉及个人隐私的内容不予公开" in text
        assert "六十日内向测试县人民政府申请行政复议" in text
        assert "六个月内向人民法院提起行政诉讼" in text
        assert "张三" in text
    fonts = [
        font.get_object()
        for page in PdfReader(letter.pdf.open("rb")).pages
        for font in page["/Resources"]["/Font"].values()
    ]
    embedded = [f for f in fonts if "/FontDescriptor" in f and "/FontFile2" in f["/FontDescriptor"]]
    assert embedded, "the CJK TrueType font is embedded in the PDF"
    assert letters.generate(case, "reply", user=clerk).number == "测试县甲局依申复〔2025〕2号"


@time_machine.travel("2025-11-20 10:00 +0800")
def test_each_kind_numbers_its_own_series(agency_a):
    clerk = make_staff(agency_a, "clerk")
    case = make_case(agency_a, "2025-11-17", user=clerk)
    services.request_correction(
        case, on=d("2025-11-18"), deadline=d("2025-12-02"), items="请写明文件名称", user=clerk
    )
    receipt = letters.generate(case, "receipt", user=clerk)
    correction = letters.generate(case, "correction", user=clerk)
    assert receipt.number.endswith("依申收〔2025〕1号")
    assert correction.number.endswith("依申补〔2025〕1号")
    text = _read(correction.pdf)
    assert "请写明文件名称" in text and "2025年12月2日" in text and "视为放弃申请" in text


@time_machine.travel("2025-11-20 10:00 +0800")
def test_an_agency_template_replaces_the_built_in_wording(agency_a):
    LetterTemplate.objects.create(
        agency=agency_a, kind="receipt", body="{{ 申请人 }}：本局已收到申请 {{ 申请编号 }}。"
    )
    case = make_case(agency_a, "2025-11-17")
    letter = letters.generate(case, "receipt", user=None)
    assert f"张三：本局已收到申请{case.number}。" in _read(letter.docx)


@time_machine.travel("2025-11-20 10:00 +0800")
def test_a_letter_needs_its_facts(agency_a):
    case = make_case(agency_a, "2025-11-17")
    with pytest.raises(Refused, match="尚未作出答复"):
        letters.generate(case, "reply", user=None)
    assert not case.letters.exists()


@time_machine.travel("2025-11-20 10:00 +0800")
def test_the_wording_reads_as_chinese_not_as_filled_in_fields(agency_a):
    """No 「按按量计收」, no 「……明细。”。」, no 「第三十六条。。」."""
    clerk = make_staff(agency_a, "clerk")
    case = make_case(agency_a, "2025-10-27", user=clerk, description="2024年低保资金发放明细。")
    services.assess_fee(case, on=d("2025-10-30"), method="per_page", pages=50, user=clerk)
    fee = letters.generate(case, "fee", user=clerk).text
    assert "本申请按量计收信息处理费" in fee and "按按" not in fee
    services.fee_paid(case, on=d("2025-11-03"), user=clerk)
    services.decide(
        case,
        on=d("2025-11-18"),
        outcome="granted",
        legal_basis="《中华人民共和国政府信息公开条例》第三十六条第（二）项。",
        reasons="",
        user=clerk,
    )
    reply = letters.generate(case, "reply", user=clerk).text
    assert "所需信息为：“2024年低保资金发放明细”。" in reply
    assert "第三十六条第（二）项。" in reply and "。。" not in reply
