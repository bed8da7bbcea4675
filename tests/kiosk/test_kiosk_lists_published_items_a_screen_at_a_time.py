"""The kiosk lists an agency's published items a screen at a time, newest first, each opening
its kiosk page; a draft is neither listed nor opened, and search lists only items."""

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.kiosk.views import PAGE_SIZE
from gongkai.search import services as search
from tests.catalog.makers import Team, make_item
from tests.public_pages import written_before_today


@pytest.fixture
def items(agency_a, settings, tmp_path):
    settings.GONGKAI_SEARCH_INDEX_DIR = str(tmp_path / "index")
    search.reset_backend()
    team = Team(agency_a)
    published = [
        team.publish(
            make_item(
                agency_a,
                team.clerk,
                title=f"关于公布第{n + 1}批救助对象的公告",
                **written_before_today(),
            )
        )
        for n in range(PAGE_SIZE + 1)
    ]
    draft = make_item(agency_a, team.clerk, title="关于公布救助对象的公告（草稿）")
    search.sync()  # the changes queued by publishing, indexed as after their commit
    yield published, draft
    search.reset_backend()


def test_the_list_pages_by_screens_and_leaves_drafts_out(agency_a, items):
    published, draft = items
    browse = reverse("kiosk:browse") + f"?agency={agency_a.pk}"
    first = Client().get(browse).content.decode()
    assert f"共 {PAGE_SIZE + 1} 条" in first
    assert first.count('class="kiosk-row"') == PAGE_SIZE
    assert f"?agency={agency_a.pk}&amp;page=2" in first and "下一页" in first
    second = Client().get(browse + "&page=2").content.decode()
    assert second.count('class="kiosk-row"') == 1
    assert reverse("kiosk:item", args=[published[0].pk]) in second  # the oldest comes last
    assert "草稿" not in first + second
    assert Client().get(reverse("kiosk:item", args=[draft.pk])).status_code == 404
    assert Client().get(reverse("kiosk:browse")).status_code == 404  # no agency chosen


def test_search_opens_items_in_the_kiosk(items):
    published, _ = items
    page = Client().get(reverse("kiosk:search") + "?q=救助对象").content.decode()
    assert f"找到 {PAGE_SIZE + 1} 条结果" in page
    assert page.count('class="kiosk-row"') == PAGE_SIZE
    opened = {pk for pk in (i.pk for i in published) if reverse("kiosk:item", args=[pk]) in page}
    assert len(opened) == PAGE_SIZE
    assert "/xxgk/" not in page and "草稿" not in page
