"""The disclosure column, its feeds, sitemap and public API show only reviewed, published
versions; a change stays invisible until reviewed; revoking hides the item and keeps its history."""

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.catalog import services
from gongkai.catalog.models import InfoItem, ItemVersion, Validity
from gongkai.review import services as review
from tests.catalog.files import png_bytes
from tests.catalog.makers import Team, make_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(agency_a):
    return Team(agency_a)


def _public_texts(client, item) -> str:
    pages = [
        reverse("disclosure:browse"),
        reverse("disclosure:browse") + f"?agency={item.agency_id}",
        reverse("disclosure:index"),
        reverse("disclosure:feed"),
        reverse("disclosure:agency_feed", args=[item.agency_id]),
        "/api/public/items/",
    ]
    return "".join(client.get(url).content.decode() for url in pages)


def test_a_draft_is_nowhere_public(team):
    item = make_item(team.agency, team.clerk, title="尚未审查的草稿")
    client = Client()
    assert client.get(reverse("disclosure:item", args=[item.pk])).status_code == 404
    assert client.get(f"/api/public/items/{item.pk}/").status_code == 404
    assert "尚未审查的草稿" not in _public_texts(client, item)


def test_the_published_item_has_its_metadata_box(team):
    item = team.publish(make_item(team.agency, team.clerk))
    page = Client().get(reverse("disclosure:item", args=[item.pk])).content.decode()
    version = item.published_version
    for text in (item.index_no, version.publisher, "2026-11-02", version.doc_no, "有效"):
        assert text in page
    assert version.title in _public_texts(Client(), item)
    sitemap = Client().get(reverse("disclosure:sitemap_section", args=["items"])).content
    assert reverse("disclosure:item", args=[item.pk]).encode() in sitemap


def test_version_two_is_invisible_until_reviewed(team):
    item = team.publish(make_item(team.agency, team.clerk, title="第一版标题"))
    services.start_revision(user=team.clerk, item=item, change_note="更正救助标准")
    item.refresh_from_db()
    services.update_item(user=team.clerk, item=item, data={"title": "第二版标题"})
    client = Client()
    texts = _public_texts(client, item)
    assert "第一版标题" in texts and "第二版标题" not in texts
    item.refresh_from_db()
    team.publish(item)
    page = client.get(reverse("disclosure:item", args=[item.pk])).content.decode()
    assert "第二版标题" in page and "更正救助标准" in page and "第2版" in page


def test_revoking_hides_the_item_and_keeps_history(team):
    item = team.publish(make_item(team.agency, team.clerk, title="将被撤回的信息"))
    review.revoke(user=team.leader, item=item, reason="内容有误")
    client = Client()
    assert client.get(reverse("disclosure:item", args=[item.pk])).status_code == 404
    assert "将被撤回的信息" not in _public_texts(client, item)
    assert InfoItem.objects.filter(pk=item.pk).exists()
    assert ItemVersion.objects.filter(item=item, approved_at__isnull=False).count() == 1


def test_a_repealed_document_carries_a_banner(team):
    item = team.publish(make_item(team.agency, team.clerk))
    services.start_revision(user=team.clerk, item=item, change_note="该文件已废止")
    item.refresh_from_db()
    services.update_item(user=team.clerk, item=item, data={"validity": Validity.REPEALED})
    item.refresh_from_db()
    team.publish(item)
    page = Client().get(reverse("disclosure:item", args=[item.pk])).content.decode()
    assert "本文件已废止" in page


def test_only_the_published_versions_attachments_are_served(team):
    item = make_item(team.agency, team.clerk)
    draft_file = services.add_attachment(
        user=team.clerk, item=item, name="图.png", data=png_bytes()
    )
    client = Client()
    assert client.get(reverse("disclosure:attachment", args=[draft_file.pk])).status_code == 404
    item = team.publish(item)
    assert client.get(reverse("disclosure:attachment", args=[draft_file.pk])).status_code == 200


def test_an_empty_column_explains_itself(agency_b):
    page = Client().get(reverse("disclosure:rules", args=[agency_b.pk])).content.decode()
    assert "暂未另行制定" in page
    page = Client().get(reverse("disclosure:browse") + f"?agency={agency_b.pk}").content.decode()
    assert "将在20个工作日内在此公开" in page


def test_the_guide_is_written_from_agency_data(agency_a):
    page = Client().get(reverse("disclosure:guide", args=[agency_a.pk])).content.decode()
    assert f"{agency_a.name}政府信息公开指南" in page
    assert agency_a.disclosure_office in page
