"""Keeping indicator systems: import, copy, edit (a new version once one was switched on),
switch on and off — always asking `access` for `oversight.manage` at the owning agency."""

from django.db import transaction
from django.db.models import Max

from gongkai.agencies import access
from gongkai.agencies.models import Agency
from gongkai.core.audit import record_transition
from gongkai.lib.errors import Refused

from . import systems
from .models import IndicatorSystem, SystemStatus, UnitProfile
from .probes import PROBES

COMMAND_LINE = access.SystemTask("督查考核（命令行）", frozenset({"oversight.manage"}))


def _require_owner(user, record: IndicatorSystem) -> None:
    if record.shipped:
        raise Refused("随平台提供的指标体系不能修改，请复制后修改")
    access.require(user, "oversight.manage", record.owner)


def _code_for(code: str, owner: Agency) -> str:
    """The code a system gets at `owner`: its own when no other owner uses it."""
    others = IndicatorSystem.objects.filter(code=code).exclude(owner=owner)
    if not others.exists():
        return code
    suffix = f"-{owner.pk}"
    return code if code.endswith(suffix) else f"{code[: 60 - len(suffix)]}{suffix}"


def _next_version(code: str) -> int:
    return (IndicatorSystem.objects.filter(code=code).aggregate(v=Max("version"))["v"] or 0) + 1


def _store(system: systems.System, *, owner: Agency, based_on=None) -> IndicatorSystem:
    code = _code_for(system.code, owner)
    data = systems.to_dict(system) | {"code": code}
    return IndicatorSystem.objects.create(
        code=code,
        version=_next_version(code),
        name=system.name,
        kind=system.kind,
        year=system.year,
        owner=owner,
        based_on=based_on,
        status=SystemStatus.DRAFT,
        definition=data,
    )


@transaction.atomic
def import_system(text: str, *, owner: Agency, user) -> IndicatorSystem:
    """A YAML or JSON system read in as a draft of `owner` (the next version of its code)."""
    access.require(user, "oversight.manage", owner)
    record = _store(systems.load(text, PROBES), owner=owner)
    record_transition(record, "import_system", code=record.code, version=record.version)
    return record


@transaction.atomic
def copy_system(source: IndicatorSystem, *, owner: Agency, user) -> IndicatorSystem:
    """A draft copy of `source` for `owner` to edit."""
    access.require(user, "oversight.manage", owner)
    record = _store(source.system(), owner=owner, based_on=source)
    record_transition(record, "copy_system", source=str(source), source_id=source.pk)
    return record


@transaction.atomic
def save_definition(record: IndicatorSystem, data: dict, *, user) -> IndicatorSystem:
    """Store an edited definition: in place while the system is a draft never switched on,
    else as the next version (a draft), so a round scored on a version keeps it."""
    _require_owner(user, record)
    system = systems.parse(data, PROBES)
    if record.was_active:
        new = _store(system, owner=record.owner, based_on=record)
        record_transition(new, "revise_system", source_version=record.version)
        return new
    record.definition = systems.to_dict(system) | {"code": record.code}
    record.name, record.year = system.name, system.year
    if system.kind != record.kind:
        raise Refused("不能修改指标体系的类别")
    record.save()
    return record


@transaction.atomic
def activate(record: IndicatorSystem, *, user) -> IndicatorSystem:
    """Switch the system on for the owner's subtree; the owner's other system of the same kind
    is switched off."""
    _require_owner(user, record)
    record = IndicatorSystem.objects.select_for_update().get(pk=record.pk)
    if record.status == SystemStatus.ACTIVE:
        raise Refused("该指标体系已经启用")
    record.system()  # refuse a definition that no longer reads
    for other in IndicatorSystem.objects.filter(
        owner=record.owner, kind=record.kind, status=SystemStatus.ACTIVE
    ):
        other.status = SystemStatus.RETIRED
        other.save(update_fields=["status"])
        record_transition(other, "retire_system")
    record.status = SystemStatus.ACTIVE
    record.was_active = True
    record.save(update_fields=["status", "was_active"])
    record_transition(record, "activate_system")
    return record


@transaction.atomic
def retire(record: IndicatorSystem, *, user) -> IndicatorSystem:
    _require_owner(user, record)
    if record.status != SystemStatus.ACTIVE:
        raise Refused("该指标体系未启用")
    record.status = SystemStatus.RETIRED
    record.save(update_fields=["status"])
    record_transition(record, "retire_system")
    return record


@transaction.atomic
def set_profile(agency: Agency, *, has_services: bool, is_portal: bool, user) -> UnitProfile:
    access.require(user, "oversight.manage", agency)
    profile, _ = UnitProfile.objects.get_or_create(agency=agency)
    profile.has_services, profile.is_portal = has_services, is_portal
    profile.save()
    return profile
