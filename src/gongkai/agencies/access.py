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
    # Counting the day's visitors and recording the printed material handed over.
    "reading_room.log": frozenset({R.CLERK, R.AGENCY_ADMIN}),
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
    # 政民互动: the office takes the public's messages in and answers them; an agency admin sets
    # the limits of its channels.
    "message.view": STAFF_ROLES | {R.SUPERVISOR},
    "message.handle": frozenset({R.CLERK, R.LEADER, R.AGENCY_ADMIN}),
    # Where a channel wants it, the 分管领导 checks a reply before it goes out.
    "message.check": frozenset({R.LEADER}),
    "channel.view": STAFF_ROLES | {R.SUPERVISOR},
    "channel.change": frozenset({R.AGENCY_ADMIN}),
    # 意见征集: the office puts a draft out for comment, moderates the comments, closes the
    # consultation and publishes its 采纳情况.
    "consultation.view": STAFF_ROLES | {R.SUPERVISOR},
    "consultation.manage": frozenset({R.CLERK, R.LEADER, R.AGENCY_ADMIN}),
    # 网站栏目: every staff member sees whether the columns are kept up; the agency admin
    # configures them. The warnings of stale and empty columns (the list's tab, the inbox) go
    # to those who answer for the site: the admin, the 分管领导 and the 主管部门.
    "column.view": STAFF_ROLES | {R.SUPERVISOR},
    "column_warning.view": frozenset({R.LEADER, R.AGENCY_ADMIN, R.SUPERVISOR}),
    "column.change": frozenset({R.AGENCY_ADMIN}),
    # 机构概况 and 领导信息: the agency's staff draft a change, a reviewer or the 分管领导
    # approves it before the portal shows it.
    "profile.view": STAFF_ROLES | {R.SUPERVISOR},
    "profile.edit": frozenset({R.CLERK, R.AGENCY_ADMIN}),
    "profile.review": frozenset({R.REVIEWER, R.LEADER}),
    # 政务新媒体: the office keeps the register and enters each account's last post; the
    # two-week warnings go to those who answer for the accounts, as for the columns.
    "newmedia.view": STAFF_ROLES | {R.SUPERVISOR},
    "newmedia.change": frozenset({R.CLERK, R.AGENCY_ADMIN}),
    "newmedia_warning.view": frozenset({R.LEADER, R.AGENCY_ADMIN, R.SUPERVISOR}),
    # 督查考核: every staff member sees where the agency stands against the active indicator
    # system (自查); the 主管部门 keeps the systems (copies, edits, switches them on) and the
    # gates' facts of the agencies below it (services, portal), runs the probes and the
    # assessment rounds (deductions, re-checks of 整改, the 通报).
    "oversight.view": STAFF_ROLES | {R.SUPERVISOR},
    "oversight.manage": frozenset({R.SUPERVISOR}),
    # The agency's office answers the 整改 a round's deduction asks of it.
    "oversight.remedy": frozenset({R.CLERK, R.LEADER, R.AGENCY_ADMIN}),
    # 12345 热线: the office signs for the platform's work orders and answers them; a return to
    # the platform (退单) is reviewed by the 分管领导 or by the 主管部门 above the agency; the
    # agency admin sets the limits of the categories.
    "workorder.view": STAFF_ROLES | {R.SUPERVISOR},
    "workorder.handle": frozenset({R.CLERK, R.LEADER, R.AGENCY_ADMIN}),
    "workorder.review_return": frozenset({R.LEADER, R.SUPERVISOR}),
    "order_category.view": STAFF_ROLES | {R.SUPERVISOR},
    "order_category.change": frozenset({R.AGENCY_ADMIN}),
    # The agency's own line (e.g. 96128): its call records, and calling back the missed calls.
    "call.view": STAFF_ROLES | {R.SUPERVISOR},
    "call.handle": frozenset({R.CLERK, R.LEADER, R.AGENCY_ADMIN}),
}


# What a 主管部门 does to the agencies below it, besides reading: accepting or returning their
# annual reports (Art. 49: departments report to their 主管部门), inspecting and assessing them
# (督查考核), and reviewing a department's return of a 12345 work order (退单 only with a reason
# and a review).
SUPERVISING_ACTIONS = frozenset({"report.accept", "oversight.manage", "workorder.review_return"})


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


@dataclass(frozen=True)
class SystemTask:
    """The platform acting on its own (a timer, a command run on the server): granted exactly
    the actions it names, at every agency, and nothing else. Services are always called with a
    user or one of these, so no caller can switch the access check off."""

    label: str
    actions: frozenset[str]
    # Not a logged-in person: never stored as a record's user, never holds a role.
    is_authenticated = False
    is_active = True
    pk = None

    def __str__(self) -> str:
        return self.label


SCHEDULED_PUBLICATION = SystemTask("定时发布", frozenset({"item.publish"}))
# A policy document's approved interpretation, published with the document (政策解读 同步).
SYNCED_PUBLICATION = SystemTask("随所解读的文件同步发布", frozenset({"item.publish"}))
PAST_REPORT_IMPORT = SystemTask("导入往年已公开年报（命令行）", frozenset({"report.edit"}))
# The city 12345 platform's and the telephone system's files delivered on the server: taking
# work orders and call records in, nothing else.
PLATFORM_ORDER_IMPORT = SystemTask(
    "导入12345平台工单、话务记录（命令行）", frozenset({"workorder.handle", "call.handle"})
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
    if isinstance(user, SystemTask):
        return Grant(everywhere=action in user.actions)
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


# 人员管理: an agency admin grants these roles at the agencies they administer; the others
# (主管部门, 系统管理员) carry authority beyond one agency and only a 系统管理员 grants them.
AGENCY_GRANTABLE_ROLES = (R.CLERK, R.REVIEWER, R.LEADER, R.AGENCY_ADMIN)


def grantable_roles(user, agency: Agency) -> tuple[str, ...]:
    """The roles `user` may grant, or take away, at `agency`."""
    staff_change = grant(user, "staff.change")
    if staff_change.everywhere:
        return tuple(R.values)
    return AGENCY_GRANTABLE_ROLES if staff_change.covers(agency) else ()


def staff_refusal(user, target) -> str | None:
    """Why `user` may not change `target`'s account (name, roles, unit, whether it is on), or
    None when they may.

    Nobody changes their own account here, and nobody changes a person holding a role, at any
    agency, that they could not grant there: an agency admin cannot switch off or re-role the
    系统管理员 or the 主管部门 who happen to work at their agency.
    """
    if target.pk == user.pk:
        return "不能修改自己的账号和角色，请联系其他管理员"
    if target.agency is None or not can(user, "staff.change", target.agency):
        return "您没有管理该人员所在机关人员的权限"
    for membership in target.memberships.all():
        if membership.role not in grantable_roles(user, membership.agency):
            return (
                f"该人员在{membership.agency.display_name}担任"
                f"「{membership.get_role_display()}」，您无权授予这一角色，因而不能修改该人员"
            )
    return None


def may_manage(user, target) -> bool:
    return staff_refusal(user, target) is None


def require_manage(user, target) -> None:
    refusal = staff_refusal(user, target)
    if refusal is not None:
        raise PermissionDenied(refusal)


def sees_applicant_identity(user, agency: Agency) -> bool:
    """Whether `user` sees an applicant's full identity number and the scans of a paper
    application at `agency`: the staff of the agency itself do; a 主管部门 reading from above
    and a 系统管理员 see the number masked and no scans (no more personal information than the
    work needs: Art. 6 of the Personal Information Protection Law)."""
    return any(m.agency_id == agency.pk and m.role in STAFF_ROLES for m in _memberships(user))


def roles_of(user) -> set[str]:
    return {m.role for m in _memberships(user)} if user.is_authenticated else set()


def home_agency(user) -> Agency | None:
    """The agency a staff user works for first: where their first role is held."""
    ms = _memberships(user) if user.is_authenticated else []
    return ms[0].agency if ms else None
