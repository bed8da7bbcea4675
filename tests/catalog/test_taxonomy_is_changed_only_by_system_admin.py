"""主题分类 and 体裁 serve every agency, so only a 系统管理员 adds, renames, reorders or
deactivates them; each change lands in the audit trail."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from gongkai.catalog import taxonomy_edits
from gongkai.catalog.models import Genre, Topic
from gongkai.core.models import AuditEvent
from gongkai.workbench.menu import menu_for
from tests.conftest import login, make_staff


@pytest.fixture
def system_admin(county):
    return make_staff(county, "system_admin")


@pytest.mark.parametrize("role", ["clerk", "agency_admin", "supervisor"])
def test_agency_staff_cannot_change_the_taxonomy(agency_a, role):
    user = make_staff(agency_a, role)
    topic = Topic.objects.get(parent=None, name="综合政务")
    client = login(user)
    for url_name in ("catalog:topics", "catalog:genres"):
        assert client.get(reverse(url_name)).status_code == 403
    response = client.post(reverse("catalog:topics"), {"op": "rename", "pk": topic.pk, "name": "X"})
    assert response.status_code == 403
    with pytest.raises(PermissionDenied):
        taxonomy_edits.add_genre(user=user, name="会议材料")
    assert Topic.objects.get(pk=topic.pk).name == "综合政务"
    assert not Genre.objects.filter(name="会议材料").exists()
    assert "主题分类" not in [entry.label for entry in menu_for(user)]


def test_system_admin_adds_renames_reorders_and_deactivates(system_admin):
    client = login(system_admin)
    url = reverse("catalog:topics")
    parent = Topic.objects.get(parent=None, name="综合政务")
    assert (
        client.post(url, {"op": "add", "name": "营商环境", "parent": parent.pk}).status_code == 302
    )
    added = Topic.objects.get(parent=parent, name="营商环境")
    assert added == Topic.objects.filter(parent=parent).order_by("sort_order", "pk").last()

    client.post(url, {"op": "rename", "pk": added.pk, "name": "优化营商环境"})
    client.post(url, {"op": "up", "pk": added.pk})
    client.post(url, {"op": "deactivate", "pk": added.pk})
    added.refresh_from_db()
    assert added.name == "优化营商环境"
    assert not added.is_active
    siblings = list(Topic.objects.filter(parent=parent).order_by("sort_order", "pk"))
    assert siblings[-2] == added

    actions = AuditEvent.objects.filter(record_type="catalog.topic", record_id=str(added.pk))
    changed = [set(e.after) for e in actions.filter(action="change")]
    assert actions.filter(action="create").exists()
    assert {"name"} in changed and {"sort_order"} in changed and {"is_active"} in changed
    assert all(e.actor_id == system_admin.pk for e in actions)


def test_a_third_level_topic_is_refused(system_admin):
    child = Topic.objects.get(parent__name="综合政务", name="政务公开")
    response = login(system_admin).post(
        reverse("catalog:topics"), {"op": "add", "name": "三级", "parent": child.pk}
    )
    assert response.status_code == 400
    assert not Topic.objects.filter(name="三级").exists()


def test_a_duplicate_genre_name_is_refused_in_chinese(system_admin):
    client = login(system_admin)
    notice = client.post(reverse("catalog:genres"), {"op": "add", "name": "通知"}, follow=True)
    assert "已有名为“通知”的体裁分类" in notice.content.decode()
    assert Genre.objects.filter(name="通知").count() == 1
