"""From a closed round, a draft 通报: overall result, ranking, failing units by name, typical
problems with an example, the remedies required and their deadline; edited by the staff, laid
out as DOCX and PDF in the GB/T 9704 manner (read back here), and sent to publication as a
catalog item through the review gate."""

import io
from datetime import date

import pytest
from docx import Document
from pypdf import PdfReader

from gongkai.catalog.models import InfoItem, ItemStatus
from gongkai.lib.errors import Refused
from gongkai.oversight import circulars, rounds
from gongkai.oversight.models import CircularStatus, Remedy
from gongkai.oversight.workflow import CIRCULAR_WORKFLOW
from tests.conftest import make_staff
from tests.oversight.makers import make_clean
from tests.oversight.round_makers import deduct, open_quarter, supervisor_of

pytestmark = pytest.mark.django_db


def _flat(text: str) -> str:
    # PDF lines break inside sentences; compare the text without line breaks.
    return "".join(text.split())


def _closed_round(county, agency_a, agency_b):
    make_clean(agency_a)  # A's own records pass every probe; only the inspector deducts
    boss = supervisor_of(county)
    clerk_a = make_staff(agency_a, "clerk")
    round_ = open_quarter(county, [agency_a, agency_b], boss)
    remedy = deduct(round_, agency_a, boss).remedy
    deduct(round_, agency_b, boss, indicator="V7", points=None, reason="首页将领导姓名写错。")
    rounds.answer(remedy, text="已标注。", file=None, user=clerk_a)
    rounds.accept(remedy, note="", user=boss)
    # B's remedy went unanswered past its due date: the round may close.
    Remedy.objects.filter(agency=agency_b).update(due_on=date(2026, 11, 30))
    return rounds.close(round_, user=boss), boss


def test_the_draft_names_ranking_failures_problems_and_remedies(county, agency_a, agency_b):
    round_, boss = _closed_round(county, agency_a, agency_b)
    circular = circulars.draft(round_, user=boss)
    body = circular.body
    assert circular.title == "关于2026年第四季度政府网站检查情况的通报"
    assert body.startswith("各有关单位：")
    assert "本次共考核2个单位，合格1个，不合格1个（其中单项否决1个）" in body
    assert "1．测试县甲局：" in body and "2．测试县乙局：" in body and "单项否决。" in body
    [failing] = [line for line in body.split("\n") if line.startswith("以下单位考核不合格")]
    assert failing.startswith("以下单位考核不合格：测试县乙局（单项否决：")
    assert "严重错误" in failing
    assert "测试县甲局" not in failing
    assert "如测试县乙局：首页将领导姓名写错" in body
    assert "测试县乙局：严重错误，首页将领导姓名写错。（整改情况：待整改）" in body
    assert "测试县甲局：文件失效" not in body  # its remedy was accepted
    assert "前将整改情况报送测试县人民政府" in body
    assert "/workbench/" not in body  # the 通报 is published: no internal addresses
    with pytest.raises(Refused, match="已起草通报"):
        circulars.draft(round_, user=boss)


def test_edited_text_in_docx_and_pdf(county, agency_a, agency_b):
    round_, boss = _closed_round(county, agency_a, agency_b)
    circular = circulars.draft(round_, user=boss)
    circular = CIRCULAR_WORKFLOW.perform(
        circular,
        "edit",
        {
            "title": circular.title,
            "number": "测政办通〔2026〕5号",
            "body": circular.body + "\n特此通报。",
            "signature": "测试县人民政府办公室",
            "dated": "2026-12-01",
        },
        user=boss,
    )
    docx_text = "\n".join(p.text for p in Document(io.BytesIO(circulars.docx(circular))).paragraphs)
    pdf_text = "".join(
        p.extract_text() for p in PdfReader(io.BytesIO(circulars.pdf(circular))).pages
    )
    for text in (_flat(docx_text), _flat(pdf_text)):
        assert "关于2026年第四季度政府网站检查情况的通报" in text
        assert "测政办通〔2026〕5号" in text
        assert "以下单位考核不合格：测试县乙局" in text
        assert "特此通报。" in text
        assert "测试县人民政府办公室" in text and "2026年12月1日" in text


def test_publishing_makes_a_catalog_item_in_review(county, agency_a, agency_b):
    round_, boss = _closed_round(county, agency_a, agency_b)
    circular = circulars.draft(round_, user=boss)
    assert "publish" not in CIRCULAR_WORKFLOW.available(circular, boss)  # no catalog right
    clerk = make_staff(county, "clerk")
    circular = CIRCULAR_WORKFLOW.perform(circular, "publish", {}, user=clerk)
    assert circular.status == CircularStatus.PUBLISHED
    item = InfoItem.objects.get(pk=circular.item.pk)
    assert item.agency == county and item.status == ItemStatus.SUBMITTED
    assert item.current_version.reviews.exists()
    version = item.current_version
    assert version.title == circular.title and "以下单位考核不合格" in version.body
    [attachment] = version.attachments.all()
    assert attachment.kind == "pdf" and "测试县乙局" in _flat(attachment.text)
    with pytest.raises(Refused, match="已送审公开"):
        CIRCULAR_WORKFLOW.perform(circular, "publish", {}, user=clerk)
