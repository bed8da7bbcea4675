"""The word lists serve the whole deployment: only a 系统管理员 reaches or changes them."""

import pytest
from django.urls import reverse

from gongkai.checks import list_entries
from gongkai.checks.models import CheckListEntry
from tests.conftest import login, make_staff


@pytest.mark.parametrize("role", ["clerk", "reviewer", "leader", "agency_admin", "supervisor"])
def test_agency_roles_cannot_reach_the_page(agency_a, role):
    client = login(make_staff(agency_a, role))
    entry = CheckListEntry.objects.create(list_name="spam_injection.brands", entry="金冠国际")
    list_url = f"{reverse('checks:list')}?name=spam_injection.brands"
    entry_url = f"{reverse('checks:entry')}?id={entry.pk}"
    for url in (reverse("checks:lists"), list_url, entry_url):
        assert client.get(url).status_code == 403
    assert client.post(list_url, {"entry": "银冠国际"}).status_code == 403
    assert client.post(entry_url, {"op": "deactivate"}).status_code == 403
    assert list(CheckListEntry.objects.values_list("entry", "is_active")) == [("金冠国际", True)]
    assert "检查词表" not in client.get(reverse("workbench:home")).content.decode()


def test_the_service_refuses_them_too(agency_a):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        list_entries.add_entry(
            user=make_staff(agency_a, "agency_admin"),
            list_name="spam_injection.brands",
            text="金冠国际",
        )


def test_a_system_admin_sees_every_list_with_its_package_entries(county):
    client = login(make_staff(county, "system_admin"))
    assert "检查词表" in client.get(reverse("workbench:home")).content.decode()
    index = client.get(reverse("checks:lists")).content.decode()
    assert "垃圾信息：博彩、色情站点品牌" in index and "spam_injection.brands" in index
    page = client.get(f"{reverse('checks:list')}?name=spam_injection.brands").content.decode()
    assert "基础词表（" in page and "开云体育" in page
    assert client.get(f"{reverse('checks:list')}?name=no_such.list").status_code == 404
