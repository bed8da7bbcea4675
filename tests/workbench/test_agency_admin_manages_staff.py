"""An agency admin adds staff with roles, changes their roles and switches accounts off."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from gongkai.agencies.models import Membership
from gongkai.core.models import AuditEvent
from tests.conftest import PASSWORD, login, make_staff, password_login


def test_add_staff_with_roles(agency_a):
    admin = make_staff(agency_a, "agency_admin")
    response = login(admin).post(
        reverse("workbench:staff_add", args=[agency_a.pk]),
        {
            "username": "new.clerk",
            "full_name": "新信息员",
            "phone": "13800000000",
            "password": "Another-passw0rd",
            "roles": ["clerk", "reviewer"],
        },
    )
    assert response.status_code == 302
    user = get_user_model().objects.get(username="new.clerk")
    assert user.agency == agency_a and user.check_password("Another-passw0rd")
    assert {m.role for m in user.memberships.all()} == {"clerk", "reviewer"}
    assert (
        AuditEvent.objects.filter(record_type="agencies.membership", agency=agency_a).count() >= 2
    )


def test_weak_passwords_and_bad_phones_are_refused(agency_a):
    admin = make_staff(agency_a, "agency_admin")
    response = login(admin).post(
        reverse("workbench:staff_add", args=[agency_a.pk]),
        {
            "username": "weak",
            "full_name": "弱",
            "phone": "123",
            "password": "12345678",
            "roles": ["clerk"],
        },
    )
    body = response.content.decode()
    assert "手机号码应为以1开头的11位数字" in body
    assert not get_user_model().objects.filter(username="weak").exists()


def test_admins_cannot_grant_system_roles(agency_a):
    admin = make_staff(agency_a, "agency_admin")
    response = login(admin).post(
        reverse("workbench:staff_add", args=[agency_a.pk]),
        {
            "username": "sneaky",
            "full_name": "越权",
            "password": "Another-passw0rd",
            "roles": ["system_admin"],
        },
    )
    assert response.status_code == 400
    assert not get_user_model().objects.filter(username="sneaky").exists()


def test_change_roles_and_deactivate(agency_a):
    admin = make_staff(agency_a, "agency_admin")
    clerk = make_staff(agency_a, "clerk", "leader", username="clerk9")
    response = login(admin).post(
        reverse("workbench:staff_edit", args=[clerk.pk]),
        {"full_name": "改名", "roles": ["leader", "reviewer"], "is_active": ""},
    )
    assert response.status_code == 302
    clerk.refresh_from_db()
    roles = set(Membership.objects.filter(user=clerk).values_list("role", flat=True))
    assert roles == {"leader", "reviewer"}
    assert not clerk.is_active and clerk.full_name == "改名"
    assert password_login("clerk9", PASSWORD) is None


def test_admins_cannot_edit_their_own_roles(agency_a):
    admin = make_staff(agency_a, "agency_admin")
    assert login(admin).get(reverse("workbench:staff_edit", args=[admin.pk])).status_code == 403


def test_staff_export_is_csv_of_own_agency(agency_a, agency_b):
    admin = make_staff(agency_a, "agency_admin", full_name="甲管理员")
    make_staff(agency_b, "clerk", full_name="乙信息员")
    response = login(admin).get(reverse("workbench:staff_export"))
    text = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    assert "甲管理员" in text and "乙信息员" not in text
    assert text.splitlines()[0].startswith("登录名,姓名")
