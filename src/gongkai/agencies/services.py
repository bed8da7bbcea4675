"""Changes to agencies and staff, shared by the workbench, the API and commands."""

from django.contrib.auth import get_user_model
from django.db import transaction

from gongkai.core.audit import record_transition
from gongkai.lib.errors import Refused

from . import access
from .models import Agency, InternalUnit, Membership, Role


@transaction.atomic
def create_staff(
    *,
    agency: Agency,
    username: str,
    full_name: str,
    password: str,
    roles: list[str],
    phone: str = "",
    unit: InternalUnit | None = None,
):
    user = get_user_model()(username=username, full_name=full_name, phone=phone, agency=agency)
    user.set_password(password)
    user.save()
    set_roles(user, agency, roles, unit=unit)
    return user


@transaction.atomic
def update_staff(
    staff,
    *,
    by,
    full_name: str,
    phone: str,
    roles: list[str],
    unit: InternalUnit | None,
    is_active: bool,
) -> None:
    """`by` edits a staff member: name, roles at their agency, unit, whether the account is on.

    The workbench, the API and commands all come here; `access` decides whether `by` may.
    """
    access.require_manage(by, staff)
    if unit is not None and unit.agency_id != staff.agency_id:
        raise Refused("内设机构不属于该人员所在的机关", "unit")
    beyond = set(roles) - set(access.grantable_roles(by, staff.agency))
    if beyond:
        labels = "、".join(str(Role(role).label) for role in sorted(beyond))
        raise Refused(f"您无权授予这些角色：{labels}", "roles")
    staff.full_name, staff.phone = full_name, phone
    staff.save()
    set_roles(staff, staff.agency, roles, unit=unit)
    set_active(staff, is_active)


def staff_unit(staff) -> InternalUnit | None:
    """The internal unit a staff member works in at their agency, if any."""
    held = Membership.objects.filter(user=staff, agency=staff.agency).exclude(unit=None)
    first = held.select_related("unit").first()
    return first.unit if first else None


def _is_last_system_admin(user) -> bool:
    """Whether `user` is the only active 系统管理员 left: only one imports the holiday schedule,
    edits the word lists and grants the roles above an agency, so the deployment keeps one."""
    if not user.is_active:
        return False
    # Every 系统管理员 role row locked first, so two system admins switching each other off at
    # once are taken one after the other and the second sees the first's change.
    holders = {
        m.user_id
        for m in Membership.objects.select_for_update()
        .filter(role=Role.SYSTEM_ADMIN)
        .order_by("pk")
    }
    if user.pk not in holders:
        return False
    others = get_user_model().objects.filter(pk__in=holders - {user.pk}, is_active=True)
    return not others.exists()


@transaction.atomic
def set_roles(user, agency: Agency, roles: list[str], *, unit: InternalUnit | None = None) -> None:
    """Make `roles` exactly the roles `user` holds at `agency`."""
    wanted = set(roles)
    held_elsewhere = Membership.objects.filter(user=user, role=Role.SYSTEM_ADMIN).exclude(
        agency=agency
    )
    if (
        Role.SYSTEM_ADMIN not in wanted
        and not held_elsewhere.exists()
        and _is_last_system_admin(user)
    ):
        raise Refused("这是最后一位在用的系统管理员，不能取消其系统管理员角色", "roles")
    for membership in Membership.objects.filter(user=user, agency=agency):
        if membership.role not in wanted:
            membership.delete()
        else:
            wanted.discard(membership.role)
            if membership.unit_id != (unit.pk if unit else None):
                membership.unit = unit
                membership.save()
    for role in sorted(wanted):
        Membership.objects.create(user=user, agency=agency, role=role, unit=unit)


@transaction.atomic
def set_active(user, active: bool) -> None:
    if not active and _is_last_system_admin(user):
        raise Refused("这是最后一位在用的系统管理员，不能停用其账号", "is_active")
    if user.is_active != active:
        user.is_active = active
        user.save()
        record_transition(user, "activate" if active else "deactivate")


@transaction.atomic
def reset_password(user, password: str) -> None:
    user.set_password(password)
    user.save()
    record_transition(user, "reset_password")
