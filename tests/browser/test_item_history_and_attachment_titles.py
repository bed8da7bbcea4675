"""A reader on a phone sees an item's files by their titles, follows 历史版本 from the item
page, and reads the list of versions with their dates and change notes, nothing wider than
the screen; the same at desktop width."""

import pytest

from gongkai.catalog import services
from tests.browser.conftest import shot
from tests.catalog.files import docx_bytes
from tests.catalog.makers import Team, item_data, make_item

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def revised(agency_a, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    team = Team(agency_a)
    item = make_item(agency_a, team.clerk)
    services.add_attachment(
        user=team.clerk,
        item=item,
        name="附件2-终稿(修改)v3.docx",
        data=docx_bytes("标准表"),
        title="2026年城乡居民最低生活保障标准调整表",
    )
    item = team.publish(item)
    services.start_revision(
        user=team.clerk, item=item, change_note="根据省厅通知调整农村低保标准，并补充申请材料清单"
    )
    item.refresh_from_db()
    services.update_item(
        user=team.clerk, item=item, data=item_data(body="农村低保标准调整为每人每月650元。")
    )
    return team.publish(item)


@pytest.mark.parametrize(("width", "label"), [(375, "phone"), (1280, "desktop")])
def test_history_and_titles_read_well(page, revised, width, label):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(page.base + f"/xxgk/items/{revised.pk}/")
    link = page.get_by_role("link", name="2026年城乡居民最低生活保障标准调整表")
    assert link.is_visible()
    assert page.get_by_text("终稿(修改)").count() == 0
    shot(page, f"item-attachment-title-{label}")

    page.get_by_role("link", name="历史版本").click()
    page.wait_for_url("**/history/")
    rows = page.locator("#version-history tbody tr")
    assert rows.count() == 2
    assert "第2版（现行）" in rows.nth(0).inner_text()
    assert "根据省厅通知调整农村低保标准" in rows.nth(0).inner_text()
    assert "首次公开" in rows.nth(1).inner_text()
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    shot(page, f"item-history-{label}")
    assert overflow <= 0
    assert page.console_errors == []
