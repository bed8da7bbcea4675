"""A topic or genre some item uses cannot be deleted, only deactivated; an unused one can be."""

import pytest
from django.urls import reverse

from gongkai.catalog import taxonomy_edits
from gongkai.catalog.models import Genre, Topic
from gongkai.lib.errors import Refused
from tests.catalog.makers import make_item
from tests.conftest import login, make_staff


@pytest.fixture
def system_admin(county):
    return make_staff(county, "system_admin")


def test_a_used_topic_is_refused_with_a_clear_reason(agency_a, system_admin):
    topic = Topic.objects.get(parent__name="综合政务", name="政务公开")
    make_item(agency_a, topic=topic)
    response = login(system_admin).post(
        reverse("catalog:topics"), {"op": "delete", "pk": topic.pk}, follow=True
    )
    assert "主题分类“政务公开”已被政府信息使用，不能删除，只能停用" in response.content.decode()
    assert Topic.objects.filter(pk=topic.pk).exists()


def test_a_used_genre_is_refused(agency_a, system_admin):
    genre = Genre.objects.get(name="通知")
    make_item(agency_a, genre=genre)
    with pytest.raises(Refused, match="已被政府信息使用"):
        taxonomy_edits.delete(user=system_admin, node=genre)
    assert Genre.objects.filter(pk=genre.pk).exists()


def test_a_first_level_topic_with_sub_categories_is_refused(system_admin):
    parent = Topic.objects.get(parent=None, name="国防")
    with pytest.raises(Refused, match="下还有二级分类"):
        taxonomy_edits.delete(user=system_admin, node=parent)


def test_an_unused_topic_and_genre_are_deleted(system_admin):
    client = login(system_admin)
    topic = Topic.objects.get(parent__name="国防", name="国防动员")
    genre = Genre.objects.get(name="议案")
    client.post(reverse("catalog:topics"), {"op": "delete", "pk": topic.pk})
    client.post(reverse("catalog:genres"), {"op": "delete", "pk": genre.pk})
    assert not Topic.objects.filter(pk=topic.pk).exists()
    assert not Genre.objects.filter(pk=genre.pk).exists()
