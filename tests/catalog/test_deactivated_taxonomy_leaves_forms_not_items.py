"""A deactivated topic or genre is no longer offered on the item form, yet the items that
already carry it keep it, through later edits too."""

from django.urls import reverse

from gongkai.catalog import taxonomy_edits
from gongkai.catalog.forms import ItemForm
from gongkai.catalog.models import Genre, Topic
from tests.catalog.makers import make_item
from tests.conftest import login, make_staff


def test_deactivated_entries_leave_the_form_but_stay_on_items(county, agency_a):
    system_admin = make_staff(county, "system_admin")
    clerk = make_staff(agency_a, "clerk")
    topic = Topic.objects.get(parent__name="综合政务", name="信访")
    genre = Genre.objects.get(name="通报")
    item = make_item(agency_a, clerk=clerk, topic=topic, genre=genre)
    taxonomy_edits.set_active(user=system_admin, node=topic, active=False)
    taxonomy_edits.set_active(user=system_admin, node=genre, active=False)

    blank = ItemForm()
    assert topic not in blank.fields["topic"].queryset
    assert genre not in blank.fields["genre"].queryset

    page = login(clerk).get(reverse("catalog:item_edit", args=[item.pk])).content.decode()
    assert f'<option value="{topic.pk}" selected>' in page
    assert f'<option value="{genre.pk}" selected>' in page

    item.current_version.refresh_from_db()
    assert item.current_version.topic == topic
    assert item.current_version.genre == genre


def test_sub_categories_of_a_deactivated_first_level_topic_are_not_offered(county):
    system_admin = make_staff(county, "system_admin")
    parent = Topic.objects.get(parent=None, name="国防")
    taxonomy_edits.set_active(user=system_admin, node=parent, active=False)
    offered = ItemForm().fields["topic"].queryset
    assert not offered.filter(parent=parent).exists()
