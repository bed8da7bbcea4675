"""The transitions of an agency's 机构概况: a draft is started from what the public reads now,
edited by the agency's staff, submitted, and approved (published) or returned by a reviewer.
Each one checks access and `rules.PROFILE_RULES` under the version's row lock and records
itself in the audit trail."""

from datetime import date

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from gongkai.agencies import access
from gongkai.agencies.models import Agency
from gongkai.core.audit import record_transition
from gongkai.lib.errors import Refused

from .models import Leader, LeaderEntry, ProfileStatus, ProfileUnit, ProfileVersion
from .photos import Upload, put_photo
from .rules import PROFILE_RULES

BASIC_FIELDS = ("duties", "address", "postcode", "phone", "fax", "email", "office_hours")
MIN_RETURN_REASON_CHARS = 2


def _locked(version: ProfileVersion) -> ProfileVersion:
    return ProfileVersion.objects.select_for_update().select_related("agency").get(pk=version.pk)


def _editing(version: ProfileVersion, user, name: str) -> ProfileVersion:
    access.require(user, "profile.edit", version.agency)
    version = _locked(version)
    PROFILE_RULES.require(name, version)
    return version


@transaction.atomic
def start_draft(agency: Agency, *, user) -> ProfileVersion:
    """The agency's open version, or a new draft copied from the published one (or, the first
    time, from the agency's register: its contacts and active internal units)."""
    access.require(user, "profile.edit", agency)
    Agency.objects.select_for_update().filter(pk=agency.pk).first()
    open_version = ProfileVersion.objects.open().filter(agency=agency).first()
    if open_version is not None:
        return open_version
    published = ProfileVersion.objects.published().filter(agency=agency).first()
    source = published or agency
    number = (agency.profile_versions.aggregate(n=Max("number"))["n"] or 0) + 1
    version = ProfileVersion.objects.create(
        agency=agency,
        number=number,
        created_by=user,
        effective_on=timezone.localdate(),
        duties=getattr(source, "duties", ""),
        **{name: getattr(source, name) for name in BASIC_FIELDS if name != "duties"},
    )
    if published is None:
        for unit in agency.units.filter(is_active=True):
            ProfileUnit.objects.create(
                version=version,
                unit=unit,
                name=unit.name,
                phone=unit.phone,
                sort_order=unit.sort_order,
            )
    else:
        for unit in published.units.all():
            unit.pk, unit.version = None, version
            unit.save()
        for entry in published.leaders.filter(left_on__isnull=True):
            entry.pk, entry.version = None, version
            entry.save()
    record_transition(version, "draft_profile", number=number)
    return version


@transaction.atomic
def edit(version: ProfileVersion, *, user, change_note: str, effective_on: date, **basic):
    version = _editing(version, user, "edit")
    for name in BASIC_FIELDS:
        setattr(version, name, basic[name])
    version.change_note, version.effective_on = change_note, effective_on
    version.save()
    return version


@transaction.atomic
def save_unit(version: ProfileVersion, *, user, unit: ProfileUnit | None, **fields):
    """Add an internal unit to the draft, or change one of its units."""
    version = _editing(version, user, "save_unit")
    if unit is None:
        unit = ProfileUnit(version=version)
    elif unit.version_id != version.pk:
        raise Refused("只能修改本版本的内设机构", "unit")
    for name, value in fields.items():
        setattr(unit, name, value)
    unit.save()
    return version


@transaction.atomic
def remove_unit(version: ProfileVersion, *, user, unit: ProfileUnit):
    version = _editing(version, user, "remove_unit")
    if unit.version_id != version.pk:
        raise Refused("只能删除本版本的内设机构", "unit")
    unit.delete()
    return version


def _order(version: ProfileVersion) -> int:
    last = version.leaders.aggregate(n=Max("sort_order"))["n"]
    return (last or 0) + 10


@transaction.atomic
def add_leader(
    version: ProfileVersion,
    *,
    user,
    name: str,
    took_office: date,
    post: str,
    portfolio: str = "",
    cv: str = "",
    photo: Upload | None = None,
):
    """A new leader: their tenure starts on `took_office` once the draft is published."""
    version = _editing(version, user, "add_leader")
    leader = Leader.objects.create(agency=version.agency, name=name, took_office=took_office)
    entry = LeaderEntry(
        version=version,
        leader=leader,
        post=post,
        portfolio=portfolio,
        cv=cv,
        sort_order=_order(version),
    )
    if photo is not None:
        put_photo(entry, photo)
    entry.save()
    return version


def _entry_of(version: ProfileVersion, entry: LeaderEntry) -> LeaderEntry:
    if entry.version_id != version.pk:
        raise Refused("只能修改本版本列出的领导", "leader")
    return entry


@transaction.atomic
def change_leader(
    version: ProfileVersion,
    *,
    user,
    leader: LeaderEntry,
    post: str,
    portfolio: str,
    cv: str,
    sort_order: int,
    photo: Upload | None = None,
):
    """A leader's post, portfolio, CV, place in the list or photo; dated by the version's
    生效日期 in the history once published."""
    version = _editing(version, user, "change_leader")
    entry = _entry_of(version, leader)
    if entry.left_on is not None:
        raise Refused("该领导已登记离任，不能再修改其信息", "leader")
    entry.post, entry.portfolio, entry.cv, entry.sort_order = post, portfolio, cv, sort_order
    if photo is not None:
        put_photo(entry, photo)
    entry.save()
    return version


@transaction.atomic
def leader_leaves(version: ProfileVersion, *, user, leader: LeaderEntry, left_on: date):
    """The leader leaves on `left_on`: once published, their record is kept with that end
    date and they are no longer listed as a current leader. A leader added in this very draft
    is simply taken out again."""
    version = _editing(version, user, "leader_leaves")
    entry = _entry_of(version, leader)
    person = entry.leader
    if left_on < person.took_office:
        raise Refused(f"离任日期不能早于任职日期（{person.took_office:%Y-%m-%d}）", "left_on")
    if not person.entries.exclude(version=version).exists():
        entry.delete()
        person.delete()
        return version
    entry.left_on = left_on
    entry.save()
    return version


@transaction.atomic
def submit(version: ProfileVersion, *, user) -> ProfileVersion:
    version = _editing(version, user, "submit")
    version.status = ProfileStatus.SUBMITTED
    version.submitted_by, version.submitted_at = user, timezone.now()
    version.return_reason = ""
    version.save()
    record_transition(version, "submit")
    return version


def _reviewing(version: ProfileVersion, user, name: str) -> ProfileVersion:
    access.require(user, "profile.review", version.agency)
    version = _locked(version)
    PROFILE_RULES.require(name, version)
    return version


@transaction.atomic
def approve(version: ProfileVersion, *, user) -> ProfileVersion:
    """Publish the version: it replaces the published one, and each leader it records as
    leaving keeps their record with the day they left. The one who submitted it does not
    approve it, unless the agency is a one-person office (`Agency.submitter_may_sign`)."""
    version = _reviewing(version, user, "approve")
    if version.submitted_by_id == user.pk and not version.agency.submitter_may_sign:
        raise Refused(
            "提交人不能审核自己提交的机构概况（审核与提交须由不同的人）；只有一人办理的机关，"
            "可由机关管理员在“审查流程”中开启“一人办公室”设置。"
        )
    for replaced in ProfileVersion.objects.published().filter(agency=version.agency):
        replaced.status = ProfileStatus.SUPERSEDED
        replaced.save()
    for entry in version.leaders.filter(left_on__isnull=False).select_related("leader"):
        entry.leader.left_office = entry.left_on
        entry.leader.save()
    version.status = ProfileStatus.PUBLISHED
    version.reviewed_by, version.published_at = user, timezone.now()
    version.save()
    record_transition(version, "approve")
    return version


@transaction.atomic
def return_version(version: ProfileVersion, *, user, reason: str) -> ProfileVersion:
    reason = reason.strip()
    if len(reason) < MIN_RETURN_REASON_CHARS:
        raise Refused(f"请写明退回理由（至少{MIN_RETURN_REASON_CHARS}个字）", "reason")
    version = _reviewing(version, user, "return")
    version.status = ProfileStatus.RETURNED
    version.reviewed_by, version.return_reason = user, reason
    version.save()
    record_transition(version, "return", reason=reason)
    return version
