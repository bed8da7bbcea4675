"""Every kind of printed notice — an item, the guide, the catalog, the annual report — is a real
PDF on A4 or A3 that reads back with the agency, the title and the dates, and whose QR code
decodes to exactly the page's address on the public site."""

import shutil
import subprocess
from pathlib import Path

import pytest
import zxingcpp
from django.test import Client
from django.urls import reverse
from PIL import Image
from pypdf import PdfReader

from gongkai.catalog.models import ItemVersion
from gongkai.notices.sheet import is_heading
from tests.browser.conftest import SCREENSHOTS
from tests.catalog.makers import make_item
from tests.conftest import login, make_staff
from tests.public_pages import publish_everything

BASE = "https://xxgk.example.gov.cn"
A4_PT, A3_PT = (595, 842), (842, 1191)


@pytest.fixture
def published(county, agency_a, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.GONGKAI_BASE_URL = BASE
    return publish_everything(county, agency_a)


def _fetch(url: str, tmp_path: Path, name: str) -> Path:
    response = Client().get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"].startswith("public")
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(response.content)
    return path


def _text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True)
    return "".join(out.stdout.decode().split())


def _qr(pdf: Path, tmp_path: Path, page: int = 1) -> str:
    prefix = tmp_path / f"{pdf.stem}-{page}"
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "100",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf),
            str(prefix),
        ],
        check=True,
    )
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(f"{prefix}.png", SCREENSHOTS / f"notice-{pdf.stem}-{page}.png")
    codes = zxingcpp.read_barcodes(Image.open(f"{prefix}.png"))
    assert len(codes) == 1
    return codes[0].text


def _size(pdf: Path) -> tuple[int, int]:
    box = PdfReader(pdf).pages[0].mediabox
    return round(float(box.width)), round(float(box.height))


def test_an_item_notice_prints_its_text_dates_and_a_code_to_its_page(published, tmp_path):
    item = published["item"]
    pdf = _fetch(reverse("notices:item", args=[item.pk]), tmp_path, "item")
    text = _text(pdf)
    assert "测试县甲局" in text
    assert "关于进一步做好2026年城乡居民最低生活保障和特困人员救助供养工作有关事项的通知" in text
    assert "测试县民政局发〔2026〕1234号" in text
    published_on = item.first_published_at.astimezone().date()
    assert f"发布日期：{published_on.year}年{published_on.month}月{published_on.day}日" in text
    assert "张贴日期：2026年12月1日" in text
    assert "为进一步做好城乡居民最低生活保障工作" in text
    assert _size(pdf) == A4_PT
    assert _qr(pdf, tmp_path) == f"{BASE}/xxgk/items/{item.pk}/"
    assert _qr(pdf, tmp_path) == BASE + reverse("disclosure:item", args=[item.pk])


def test_an_a3_notice_is_an_a3_page_with_the_same_code(published, tmp_path):
    item = published["item"]
    pdf = _fetch(reverse("notices:item", args=[item.pk]) + "?size=a3", tmp_path, "item-a3")
    assert _size(pdf) == A3_PT
    assert _qr(pdf, tmp_path) == BASE + reverse("disclosure:item", args=[item.pk])


def test_a_long_item_continues_on_the_next_page_with_the_code_again(published, tmp_path):
    version = published["item"].published_version
    # The approved text is frozen in the database; a long body is written past the guard.
    ItemVersion.objects.filter(pk=version.pk).update(body="\n".join(["第一段落的文字。" * 30] * 12))
    pdf = _fetch(reverse("notices:item", args=[published["item"].pk]), tmp_path, "long")
    assert len(PdfReader(pdf).pages) > 1
    assert _qr(pdf, tmp_path, page=2) == BASE + reverse(
        "disclosure:item", args=[published["item"].pk]
    )


def test_the_guide_notice(published, tmp_path):
    agency = published["agency"]
    pdf = _fetch(reverse("notices:guide", args=[agency.pk]), tmp_path, "guide")
    text = _text(pdf)
    assert "测试县甲局政府信息公开指南" in text
    assert "张贴日期：2026年12月1日" in text
    assert "主动公开" in text
    assert "办公地址：" in text
    assert text.count("2026年12月1日") == 2  # 发布日期 (the guide's update) and 张贴日期
    assert _qr(pdf, tmp_path) == BASE + reverse("disclosure:guide", args=[agency.pk])


def test_the_catalog_notice_lists_the_newest_items(published, tmp_path):
    agency = published["agency"]
    pdf = _fetch(reverse("notices:catalog", args=[agency.pk]), tmp_path, "catalog")
    text = _text(pdf)
    assert "测试县甲局政府信息公开目录" in text
    assert "截至2026年12月1日，本机关主动公开政府信息1条" in text
    assert "最低生活保障和特困人员救助供养工作" in text
    assert _qr(pdf, tmp_path) == BASE + reverse("disclosure:browse") + f"?agency={agency.pk}"


def test_the_annual_report_notice_prints_its_overview_and_sends_to_the_full_text(
    published, tmp_path
):
    report = published["report"]
    pdf = _fetch(reverse("notices:report", args=[report.pk]), tmp_path, "report")
    text = _text(pdf)
    assert "测试县甲局2025年政府信息公开工作年度报告" in text
    assert "发布日期：2026年1月10日" in text
    assert "总体情况" in text
    assert "全文见网站" in text
    assert _qr(pdf, tmp_path) == BASE + reverse("annual_reports:detail", args=[report.pk])


def test_an_unpublished_item_has_no_notice(county, agency_a):
    draft = make_item(agency_a)
    assert Client().get(reverse("notices:item", args=[draft.pk])).status_code == 404


def test_staff_pages_and_the_public_item_page_offer_the_notice(published):
    item, report = published["item"], published["report"]
    agency = published["agency"]
    notice = reverse("notices:item", args=[item.pk])
    assert (
        f'href="{notice}?size=a3"'
        in Client().get(reverse("disclosure:item", args=[item.pk])).content.decode()
    )
    staff = login(make_staff(agency, "clerk", "leader", "agency_admin"))
    pages = {
        reverse("review:item", args=[item.pk]): notice,
        reverse("catalog:guide_edit", args=[agency.pk]): reverse("notices:guide", args=[agency.pk]),
        reverse("reports:detail", args=[report.pk]): reverse("notices:report", args=[report.pk]),
    }
    for page, link in pages.items():
        response = staff.get(page)
        assert response.status_code == 200, page
        assert f'href="{link}"' in response.content.decode(), page


def test_first_level_headings_are_told_from_body_paragraphs():
    assert is_heading("一、总体情况")
    assert is_heading("十二、其他需要报告的事项")
    assert not is_heading("一、" + "本机关认真贯彻落实条例" * 4)
    assert not is_heading("2025年，本机关认真贯彻落实《条例》。")
