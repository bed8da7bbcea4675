"""Changes to agencies and staff, shared by the workbench, the API and commands."""

from django.contrib.auth import get_user_model
from django.db import transaction

from gongkai.core.audit import record_transition

from .models import Agency, InternalUnit, Membership, Role

# An agency admin manages these roles at their own agency; only a 系统管理员 grants the rest.
ADMIN_GRANTABLE_ROLES = (Role.CLERK, Role.REVIEWER, Role.LEADER, Role.AGENCY_ADMIN)


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
def set_roles(user, agency: Agency, roles: list[str], *, unit: InternalUnit | None = None) -> None:
    """Make `roles` exactly the roles `user` holds at `agency`."""
    wanted = set(roles)
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
    if user.is_active != active:
        user.is_active = active
        user.save()
        record_transition(user, "activate" if active else "deactivate")


@transaction.atomic
def reset_password(user, password: str) -> None:
    user.set_password(password)
    user.save()
    record_transition(user, "reset_password")
