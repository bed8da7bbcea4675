"""The one mechanism that decides what a staff user may see and do, agency by agency.

Every staff view, API endpoint and command asks here. An *action* names what is being
done ("unit.change"); ACTION_ROLES says which roles grant it at the agency where the role is
held. A 主管部门 (supervisor) role also grants every read action (".view"), and the actions a
主管部门 takes on its agencies' work (`SUPERVISING_ACTIONS`), over all agencies below its own; a
系统管理员 is granted everything everywhere. Nothing else grants anything.
"""

from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet

from .models import Agency, Membership, Role

R = Role
STAFF_ROLES = frozenset({R.CLERK, R.REVIEWER, R.LEADER, R.AGENCY_ADMIN})

ACTION_ROLES: dict[str, frozenset[str]] = {
    "workbench.use": STAFF_ROLES | {R.SUPERVISOR},
    "agency.view": STAFF_ROLES | {R.SUPERVISOR},
    "agency.change": frozenset({R.AGENCY_ADMIN}),
    # Creating an agency means adding a child under one you administer.
    "agency.add_child": frozenset({R.AGENCY_ADMIN}),
    "unit.view": STAFF_ROLES | {R.SUPERVISOR},
    "unit.change": frozenset({R.AGENCY_ADMIN}),
    "reading_room.view": STAFF_ROLES | {R.SUPERVISOR},
    "reading_room.change": frozenset({R.AGENCY_ADMIN}),
    "staff.view": frozenset({R.AGENCY_ADMIN, R.SUPERVISOR}),
    "staff.change": frozenset({R.AGENCY_ADMIN}),
    "audit.view": frozenset({R.AGENCY_ADMIN, R.SUPERVISOR}),
    # The holiday schedule is one for the whole deployment: only a 系统管理员 imports it.
    "calendar.change": frozenset(),
    # 主动公开: the catalog and its review gate.
    "item.view": STAFF_ROLES | {R.SUPERVISOR},
    "item.change": frozenset({R.CLERK, R.AGENCY_ADMIN}),
    "item.publish": frozenset({R.CLERK, R.AGENCY_ADMIN}),
    "item.revoke": frozenset({R.LEADER, R.AGENCY_ADMIN}),
    "item.import_published": frozenset({R.AGENCY_ADMIN}),
    "guide.change": frozenset({R.AGENCY_ADMIN}),
    # 主题分类 and 体裁 serve every agency alike: no agency role may change them, and a
    # 系统管理员 is granted everything anyway.
    "taxonomy.change": frozenset(),
    "review.sign": frozenset({R.REVIEWER, R.LEADER}),
    "review.step.reviewer": frozenset({R.REVIEWER}),
    "review.step.leader": frozenset({R.LEADER}),
    "review.configure": frozenset({R.AGENCY_ADMIN}),
    # Checking a document stores nothing, so every staff member may do it.
    "checks.use": STAFF_ROLES | {R.SUPERVISOR},
    # What the integrity scan found on the agency's served pages.
    "integrity.view": STAFF_ROLES | {R.SUPERVISOR},
    # The check word lists serve every agency alike: only a 系统管理员 edits them.
    "checks.lists": frozenset(),
    "case.view": STAFF_ROLES | {R.SUPERVISOR},
    "case.handle": frozenset({R.CLERK, R.LEADER, R.AGENCY_ADMIN}),
    # Art. 33¶2: only the head of the disclosure office approves an extension. Of the roles, the
    # 分管领导 holds that authority; a 机关管理员 administers accounts and is no approver.
    "case.approve_extension": frozenset({R.LEADER}),
    "letter_template.change": frozenset({R.LEADER, R.AGENCY_ADMIN}),
    "appeal.view": STAFF_ROLES | {R.SUPERVISOR},
    "appeal.change": frozenset({R.CLERK, R.LEADER, R.AGENCY_ADMIN}),
    # 年度报告 (Art. 49): drafted by the office, sent by its leader, accepted by the 主管部门
    # (a supervisor at the agency or above it), then published by the agency itself.
    "report.view": STAFF_ROLES | {R.SUPERVISOR},
    "report.edit": frozenset({R.CLERK, R.LEADER, R.AGENCY_ADMIN}),
    "report.submit": frozenset({R.LEADER, R.AGENCY_ADMIN}),
    "report.accept": frozenset({R.SUPERVISOR}),
    "report.publish": frozenset({R.LEADER, R.AGENCY_ADMIN}),
}


# What a 主管部门 does to the agencies below it, besides reading: accepting or returning their
# annual reports (Art. 49: departments report to their 主管部门).
SUPERVISING_ACTIONS = frozenset({"report.accept"})


def is_read(action: str) -> bool:
    return action.endswith(".view")


def _over_subtree(action: str) -> bool:
    return is_read(action) or action in SUPERVISING_ACTIONS


def _check_action(action: str) -> frozenset[str]:
    try:
        return ACTION_ROLES[action]
    except KeyError:
        raise ValueError(f"unknown action {action!r}: add it to ACTION_ROLES") from None


@dataclass(frozen=True)
class Grant:
    """Where an action is allowed: everywhere, or at some agencies and the subtrees of others."""

    everywhere: bool = False
    agency_ids: frozenset[int] = frozenset()
    subtree_paths: frozenset[str] = frozenset()

    @property
    def nothing(self) -> bool:
        return not (self.everywhere or self.agency_ids or self.subtree_paths)

    def q(self, prefix: str = "") -> Q:
        """A filter on agencies (or on records through their agency field, via `prefix`)."""
        if self.everywhere:
            return Q()
        if self.nothing:
            return Q(pk__in=[])
        pk = f"{prefix}__pk" if prefix else "pk"
        path = f"{prefix}__path" if prefix else "path"
        parts = [Q(**{f"{pk}__in": sorted(self.agency_ids)})] if self.agency_ids else []
        parts += [Q(**{f"{path}__startswith": p}) for p in sorted(self.subtree_paths)]
        return reduce(or_, parts)

    def covers(self, agency: Agency) -> bool:
        return (
            self.everywhere
            or agency.pk in self.agency_ids
            or any(agency.path.startswith(p) for p in self.subtree_paths)
        )


def _memberships(user) -> list[Membership]:
    cached = getattr(user, "_gongkai_memberships", None)
    if cached is None:
        cached = list(
            Membership.objects.filter(user=user, agency__is_active=True).select_related("agency")
        )
        user._gongkai_memberships = cached
    return cached


def grant(user, action: str) -> Grant:
    roles = _check_action(action)
    if user is None or not user.is_authenticated or not user.is_active:
        return Grant()
    ids: set[int] = set()
    paths: set[str] = set()
    for m in _memberships(user):
        if m.role == R.SYSTEM_ADMIN:
            return Grant(everywhere=True)
        if m.role in roles:
            ids.add(m.agency_id)
        if m.role == R.SUPERVISOR and _over_subtree(action):
            paths.add(m.agency.path)
    return Grant(agency_ids=frozenset(ids), subtree_paths=frozenset(paths))


def can(user, action: str, agency: Agency) -> bool:
    return grant(user, action).covers(agency)


def require(user, action: str, agency: Agency) -> None:
    if not can(user, action, agency):
        raise PermissionDenied("您没有在该机关执行此操作的权限")


def agencies_for(user, action: str) -> QuerySet[Agency]:
    return Agency.objects.filter(grant(user, action).q())


def scope(queryset: QuerySet, user, action: str) -> QuerySet:
    """Only the rows of `queryset` the user may act on; the model names its agency field.

    A model tells where its agency is with `scope_agency_field` ("" for Agency itself;
    default "agency").
    """
    model = queryset.model
    field = "" if model is Agency else getattr(model, "scope_agency_field", "agency")
    return queryset.filter(grant(user, action).q(field))


def roles_of(user) -> set[str]:
    return {m.role for m in _memberships(user)} if user.is_authenticated else set()


def home_agency(user) -> Agency | None:
    """The agency a staff user works for first: where their first role is held."""
    ms = _memberships(user) if user.is_authenticated else []
    return ms[0].agency if ms else None
