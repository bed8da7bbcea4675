"""An attachment carries a title the public reads instead of its file name: the file name
without its extension unless the clerk gives one; the item page, the public API and the Atom
feed all show it, and the staff page still names the uploaded file."""

import xml.etree.ElementTree as ET

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from gongkai.catalog import services
from gongkai.catalog.attachments import title_from_name
from tests.catalog.files import docx_bytes, pdf_bytes
from tests.catalog.makers import Team, make_item
from tests.conftest import login

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("低保标准调整表.docx", "低保标准调整表"),
        ("附件1.关于某事的通知.pdf", "附件1.关于某事的通知"),
        ("没有扩展名", "没有扩展名"),
        (".docx", ".docx"),
        ("a/b\\名单.xlsx", "a_b_名单"),
    ],
)
def test_the_default_title_is_the_name_without_extension(name, title):
    assert title_from_name(name) == title


def test_the_title_replaces_the_file_name_on_every_public_surface(agency_a):
    team = Team(agency_a)
    item = make_item(agency_a, team.clerk)
    services.add_attachment(
        user=team.clerk,
        item=item,
        name="终稿(2)改.pdf",
        data=pdf_bytes(),
        title="2026年城乡低保标准表",
    )
    services.add_attachment(
        user=team.clerk, item=item, name="实施细则.docx", data=docx_bytes("细则")
    )
    item = team.publish(item)
    client = Client()

    page = client.get(reverse("disclosure:item", args=[item.pk])).content.decode()
    assert "2026年城乡低保标准表" in page and "实施细则" in page
    assert "终稿(2)改" not in page

    api = client.get(f"/api/public/items/{item.pk}/").json()
    assert [a["title"] for a in api["attachments"]] == ["2026年城乡低保标准表", "实施细则"]

    feed = ET.fromstring(client.get(reverse("disclosure:feed")).content)
    links = feed.findall(f"{ATOM}entry/{ATOM}link[@rel='enclosure']")
    assert [link.get("title") for link in links] == ["2026年城乡低保标准表", "实施细则"]
    assert all(link.get("href").startswith("http://testserver/xxgk/files/") for link in links)
    assert client.get(links[0].get("href")).status_code == 200

    staff = login(team.clerk).get(reverse("review:item", args=[item.pk]))
    assert "终稿(2)改.pdf" in staff.content.decode()


def test_the_upload_page_takes_a_title(agency_a):
    team = Team(agency_a)
    item = make_item(agency_a, team.clerk)
    upload = SimpleUploadedFile("scan001.docx", docx_bytes("名单"))
    login(team.clerk).post(
        reverse("catalog:attachment_add", args=[item.pk]),
        {"file": upload, "title": "  救助对象  名单 "},
    )
    assert item.current_version.attachments.get().title == "救助对象 名单"
