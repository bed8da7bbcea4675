"""Every public page's footer carries the site's identity (国办发〔2017〕47号): the 党政机关网站标识
link, 网站标识码, ICP备案号, 公安机关备案号, 主办单位 and contact, as the deployment sets them — and
where it sets none, clearly marked examples, or (in production) nothing at all — beside the
网民找错 link that was there before."""

import re

import pytest
from django.core import checks
from django.test import Client
from django.urls import reverse

from gongkai.core import site_identity
from tests.public_pages import page_urls, publish_everything

REAL = {
    "GONGKAI_SITE_CONAC_URL": "https://bszs.conac.cn/sitename?method=show&id=1A2B3C",
    "GONGKAI_SITE_CODE": "5399010007",
    "GONGKAI_SITE_ICP": "滇ICP备12345678号-2",
    "GONGKAI_SITE_PSB": "滇公网安备53990102000123号",
    "GONGKAI_SITE_SPONSOR": "测试县人民政府办公室",
    "GONGKAI_SITE_CONTACT_PHONE": "0878-5200001",
    "GONGKAI_SITE_CONTACT_EMAIL": "web@test.gov.cn",
    "GONGKAI_SITE_CONTACT_ADDRESS": "测试县人民路1号",
}


@pytest.fixture
def real_identity(settings):
    for name, value in REAL.items():
        setattr(settings, name, value)
    settings.GONGKAI_SITE_EXAMPLES = False


def _footer(html: str) -> str:
    return html[html.index('<footer class="site-footer"') :]


def test_every_public_page_shows_the_identity_and_the_error_link(
    county, agency_a, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    published = publish_everything(county, agency_a)
    client = Client()
    for name, url in page_urls(published).items():
        # The touch-screen kiosk in a service hall is no website page: it keeps its own footer
        # (the idle notice) and has no link out of it.
        if name.startswith("kiosk:"):
            continue
        response = client.get(url, follow=True)
        footer = _footer(response.content.decode())
        assert 'id="site-identity"' in footer, name
        assert "网站标识码：5399010001" in footer, name
        assert "党政机关" in footer and "主办单位：某某县人民政府办公室" in footer, name
        assert "网民找错" in footer, name


def test_examples_are_marked_as_examples(db):
    footer = _footer(Client().get(reverse("portal:home")).content.decode())
    # Each of the eight values carries its mark, and one note says what the marks mean.
    assert footer.count('class="example-mark"') == len(site_identity.SPECS)
    assert 'id="identity-examples"' in footer and "不是真实备案" in footer


def test_the_deployment_s_own_values_are_shown_and_linked(real_identity, db):
    footer = _footer(Client().get(reverse("portal:home")).content.decode())
    assert "example-mark" not in footer and "identity-examples" not in footer
    assert 'href="https://bszs.conac.cn/sitename?method=show&amp;id=1A2B3C"' in footer
    assert "网站标识码：5399010007" in footer
    assert re.search(r'href="https://beian.miit.gov.cn/"[^>]*>滇ICP备12345678号-2</a>', footer)
    assert "beian.mps.gov.cn/#/query/webSearch?code=53990102000123" in footer
    assert "主办单位：测试县人民政府办公室" in footer
    assert 'href="tel:0878-5200001"' in footer and 'href="mailto:web@test.gov.cn"' in footer
    assert "通讯地址：测试县人民路1号" in footer


def test_production_shows_no_example_and_no_empty_label(settings, db):
    settings.GONGKAI_SITE_EXAMPLES = False
    settings.GONGKAI_SITE_SPONSOR = "测试县人民政府办公室"
    footer = _footer(Client().get(reverse("portal:home")).content.decode())
    assert "主办单位：测试县人民政府办公室" in footer
    assert "网站标识码" not in footer and "ICP" not in footer and "示例" not in footer
    assert "conac-badge" not in footer


def test_the_deployment_check_names_missing_and_malformed_values(settings):
    for name, value in REAL.items():
        setattr(settings, name, value)
    assert site_identity.check_identity() == []
    settings.GONGKAI_SITE_ICP = "滇ICP备12345678"
    settings.GONGKAI_SITE_CODE = ""
    found = {message.id: message.msg for message in site_identity.check_identity()}
    assert all(isinstance(m, checks.Warning) for m in site_identity.check_identity())
    assert any("ICP备案号“滇ICP备12345678”格式不对" in text for text in found.values())
    assert any("未设置网站标识码（环境变量 GONGKAI_SITE_CODE）" in text for text in found.values())
    assert len(found) == 2
