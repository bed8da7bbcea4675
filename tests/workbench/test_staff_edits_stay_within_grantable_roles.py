"""Nobody changes a person who holds a role they could not grant, through the workbench or the
API; the last active 系统管理员 cannot be switched off or lose the role, by anyone."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token

from gongkai.agencies import access, services
from gongkai.agencies.models import Membership
from gongkai.lib.errors import Refused
from tests.conftest import login, make_staff

User = get_user_model()


def _roles(user) -> set[str]:
    return set(Membership.objects.filter(user=user).values_list("role", flat=True))


def _workbench_edit(actor, target, **fields):
    data = {"full_name": target.full_name, "roles": ["clerk"], "is_active": "on"} | fields
    return login(actor).post(reverse("workbench:staff_edit", args=[target.pk]), data)


def _api_edit(actor, target, **fields):
    token, _ = Token.objects.get_or_create(user=actor)
    client = Client(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client.patch(f"/api/staff/staff/{target.pk}/", fields, content_type="application/json")


@pytest.fixture
def county_admin(county):
    return make_staff(county, "agency_admin", username="county_admin")


@pytest.fixture
def above_the_agency(county):
    """The 系统管理员 and the 主管部门, both working at the county's own agency."""
    return {
        "system_admin": make_staff(county, "system_admin", username="sysadmin"),
        "supervisor": make_staff(county, "supervisor", username="supervisor"),
    }


@pytest.mark.parametrize("role", ["system_admin", "supervisor"])
def test_an_agency_admin_cannot_switch_off_or_re_role_someone_above_the_agency(
    county_admin, above_the_agency, role
):
    target = above_the_agency[role]
    listed = login(county_admin).get(reverse("workbench:staff_list")).content.decode()
    assert target.username in listed
    assert reverse("workbench:staff_edit", args=[target.pk]) not in listed
    page = login(county_admin).get(reverse("workbench:staff_edit", args=[target.pk]))
    assert page.status_code == 403
    assert "您无权授予这一角色" in page.content.decode()

    posted = _workbench_edit(county_admin, target, roles=[role, "clerk"], is_active="")
    assert posted.status_code == 403
    answered = _api_edit(county_admin, target, is_active=False, roles=[role, "clerk"])
    assert answered.status_code == 403, answered.content

    target.refresh_from_db()
    assert target.is_active and _roles(target) == {role}
    assert not access.may_manage(county_admin, target)


def test_an_agency_admin_cannot_edit_someone_holding_a_higher_role_at_another_agency(
    county_admin, county, agency_a
):
    # A clerk of the county who is also the 主管部门 somewhere else.
    target = make_staff(county, "clerk")
    Membership.objects.create(user=target, agency=agency_a, role="supervisor")
    assert _workbench_edit(county_admin, target, is_active="").status_code == 403
    assert _api_edit(county_admin, target, is_active=False).status_code == 403
    target.refresh_from_db()
    assert target.is_active


def test_an_agency_admin_still_manages_the_staff_they_could_have_appointed(county_admin, county):
    clerk = make_staff(county, "clerk")
    assert access.may_manage(county_admin, clerk)
    listed = login(county_admin).get(reverse("workbench:staff_list")).content.decode()
    assert reverse("workbench:staff_edit", args=[clerk.pk]) in listed
    assert _workbench_edit(county_admin, clerk, roles=["reviewer"]).status_code == 302
    assert _roles(clerk) == {"reviewer"}
    answered = _api_edit(county_admin, clerk, is_active=False, roles=["leader"])
    assert answered.status_code == 200, answered.content
    clerk.refresh_from_db()
    assert not clerk.is_active and _roles(clerk) == {"leader"}


def test_roles_beyond_the_agency_cannot_be_granted_through_either_channel(county_admin, county):
    clerk = make_staff(county, "clerk")
    page = _workbench_edit(county_admin, clerk, roles=["clerk", "supervisor"])
    assert page.status_code == 400 and "supervisor" not in _roles(clerk)
    answered = _api_edit(county_admin, clerk, roles=["clerk", "system_admin"])
    assert answered.status_code == 400
    assert answered.json() == {"roles": ["您无权授予这些角色：系统管理员"]}
    assert _roles(clerk) == {"clerk"}


def test_a_system_admin_manages_everyone_else_and_grants_every_role(above_the_agency, county):
    admin = above_the_agency["system_admin"]
    supervisor = above_the_agency["supervisor"]
    response = _workbench_edit(admin, supervisor, roles=["supervisor", "leader"], is_active="")
    assert response.status_code == 302
    supervisor.refresh_from_db()
    assert not supervisor.is_active and _roles(supervisor) == {"supervisor", "leader"}


def test_the_last_active_system_admin_cannot_be_switched_off(above_the_agency, county):
    only = above_the_agency["system_admin"]
    second = make_staff(county, "system_admin", username="sysadmin2")

    # While two are active, one may switch the other off.
    assert _api_edit(second, only, is_active=False).status_code == 200
    only.refresh_from_db()
    assert not only.is_active
    services.set_active(only, True)
    assert _workbench_edit(only, second, roles=["system_admin"], is_active="").status_code == 302

    # Now `only` is the last one: nobody switches them off or takes the role away.
    with pytest.raises(Refused, match="最后一位在用的系统管理员，不能停用其账号"):
        services.set_active(only, False)
    with pytest.raises(Refused, match="最后一位在用的系统管理员，不能取消其系统管理员角色"):
        services.set_roles(only, county, ["clerk"])
    only.refresh_from_db()
    assert only.is_active and _roles(only) == {"system_admin"}
    # Switching the other back on and off again stays allowed.
    services.set_active(second, True)
    services.set_active(second, False)
