"""Staff read any earlier version of an item as it was — text, metadata, files — with what the
next version changed, also after the item is withdrawn; other agencies' staff do not."""

import pytest
from django.urls import reverse

from gongkai.catalog import services
from gongkai.catalog.version_diff import body_lines, field_changes
from gongkai.review import services as review
from tests.catalog.files import docx_bytes
from tests.catalog.makers import Team, item_data, make_item
from tests.conftest import login, make_staff

pytestmark = pytest.mark.django_db


def test_the_body_diff_keeps_reading_order():
    lines = body_lines(
        "第一段。\n标准为每月500元。\n第三段。", "第一段。\n标准为每月650元。\n第三段。"
    )
    assert [(x.op, x.text) for x in lines] == [
        ("same", "第一段。"),
        ("removed", "标准为每月500元。"),
        ("added", "标准为每月650元。"),
        ("same", "第三段。"),
    ]


def _revised(team):
    item = make_item(team.agency, team.clerk, body="保障标准为每月500元。\n自公布之日起施行。")
    services.add_attachment(user=team.clerk, item=item, name="旧表.docx", data=docx_bytes("旧"))
    item = team.publish(item)
    services.start_revision(user=team.clerk, item=item, change_note="调整保障标准")
    item.refresh_from_db()
    services.update_item(
        user=team.clerk,
        item=item,
        data=item_data(body="保障标准为每月650元。\n自公布之日起施行。"),
    )
    item.refresh_from_db()
    return item


def test_staff_read_version_one_and_what_version_two_changed(agency_a):
    team = Team(agency_a)
    item = _revised(team)
    one, two = item.versions.get(number=1), item.versions.get(number=2)
    assert field_changes(one, two) == []  # only the body changed
    page = login(team.reviewer).get(
        reverse("catalog:item_version", args=[item.versions.get(number=1).pk])
    )
    html = page.content.decode()
    assert "保障标准为每月500元。" in html and "旧表" in html
    assert "第2版改了什么" in html and "调整保障标准" in html
    assert '<p class="diff-removed"><del>保障标准为每月500元。</del></p>' in html
    assert '<p class="diff-added"><ins>保障标准为每月650元。</ins></p>' in html
    detail = login(team.clerk).get(reverse("review:item", args=[item.pk])).content
    assert reverse("catalog:item_version", args=[item.versions.get(number=1).pk]).encode() in detail


def test_metadata_changes_are_listed_by_their_labels(agency_a):
    team = Team(agency_a)
    item = make_item(agency_a, team.clerk)
    one = item.current_version
    item = team.publish(item)
    services.start_revision(user=team.clerk, item=item, change_note="废止")
    item.refresh_from_db()
    services.update_item(user=team.clerk, item=item, data=item_data(validity="repealed"))
    two = item.versions.get(number=2)
    assert [(c.label, c.before, c.after) for c in field_changes(one, two)] == [
        ("有效性", "有效", "废止")
    ]


def test_withdrawn_text_stays_readable_by_staff_only_in_their_agency(agency_a, agency_b):
    team = Team(agency_a)
    item = _revised(team)
    review.revoke(user=team.leader, item=item, reason="内容有误")
    url = reverse("catalog:item_version", args=[item.versions.get(number=1).pk])
    assert "保障标准为每月500元。" in login(team.clerk).get(url).content.decode()
    assert login(make_staff(agency_b, "clerk", "reviewer")).get(url).status_code == 404
