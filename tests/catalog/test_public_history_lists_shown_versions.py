"""The public 历史版本 page lists the versions the portal has shown, with the date each was
first shown and its change note; a revision not yet public is not there, no earlier text is
served, and a withdrawn item has no public history."""

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.catalog import services
from gongkai.review import services as review
from tests.catalog.makers import Team, item_data, make_item

pytestmark = pytest.mark.django_db


def _revise(team, item, note, body):
    services.start_revision(user=team.clerk, item=item, change_note=note)
    item.refresh_from_db()
    services.update_item(user=team.clerk, item=item, data=item_data(body=body))
    item.refresh_from_db()
    return item


def test_history_lists_published_versions_only(agency_a):
    team = Team(agency_a)
    item = team.publish(make_item(agency_a, team.clerk, body="旧标准每月500元。"))
    item = team.publish(_revise(team, item, "调整保障标准", "新标准每月650元。"))
    _revise(team, item, "尚在起草的第三版", "草稿每月700元。")
    client = Client()
    page = client.get(reverse("disclosure:item", args=[item.pk])).content.decode()
    assert reverse("disclosure:history", args=[item.pk]) in page

    html = client.get(reverse("disclosure:history", args=[item.pk])).content.decode()
    one, two = item.versions.get(number=1), item.versions.get(number=2)
    assert one.published_at is not None and two.published_at >= one.published_at
    assert "第2版（现行）" in html and "调整保障标准" in html
    assert "第1版" in html and "首次公开" in html
    assert one.published_at.astimezone().strftime("%Y-%m-%d") in html
    assert "第3版" not in html and "尚在起草的第三版" not in html
    assert "500元" not in html and "700元" not in html


def test_a_first_version_has_no_history_link(agency_a):
    team = Team(agency_a)
    item = team.publish(make_item(agency_a, team.clerk))
    page = Client().get(reverse("disclosure:item", args=[item.pk])).content.decode()
    assert reverse("disclosure:history", args=[item.pk]) not in page


def test_a_withdrawn_item_has_no_public_history(agency_a):
    team = Team(agency_a)
    item = team.publish(make_item(agency_a, team.clerk))
    item = team.publish(_revise(team, item, "更正", "更正后的正文。"))
    review.revoke(user=team.leader, item=item, reason="信息有误")
    assert Client().get(reverse("disclosure:history", args=[item.pk])).status_code == 404
