"""Adding, changing and deactivating a deployment's word-list entries; only a 系统管理员 may.

The lists serve every agency of the deployment alike, so no agency role covers them. Each save
goes through the audit trail (the entry's versions) and moves the stamp the checkers are built
from, so the next check uses the change.
"""

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from gongkai.agencies import access
from gongkai.core.models import AuditEvent
from gongkai.lib.errors import Refused

from .list_formats import BY_NAME, EntryError, WordList, display, identity, package_values, parse
from .lists import configured_extra_dir, load_list
from .models import CheckListEntry

ACTION = "checks.lists"


def may_change(user) -> bool:
    return access.grant(user, ACTION).everywhere


def _require(user) -> None:
    if not may_change(user):
        raise PermissionDenied("只有系统管理员可以修改检查词表")


def word_list(name: str) -> WordList:
    try:
        return BY_NAME[name]
    except KeyError:
        raise Refused("没有这个词表") from None


def package_entries(target: WordList) -> list[str]:
    """The package's (and the lists directory's) entries of a list, as an admin would type them."""
    data = load_list(target.kind, configured_extra_dir())
    return [display(target, value) for value in package_values(target, data)]


def _clean(target: WordList, text: str, exclude: CheckListEntry | None = None) -> str:
    try:
        value = parse(target, text)
    except EntryError as exc:
        raise Refused(str(exc)) from exc
    key = identity(target, value)
    data = load_list(target.kind, configured_extra_dir())
    if key in {identity(target, v) for v in package_values(target, data)}:
        raise Refused(f"「{key}」已在基础词表中，无需添加")
    others = CheckListEntry.objects.filter(list_name=target.name, is_active=True)
    if exclude is not None:
        others = others.exclude(pk=exclude.pk)
    for other in others:
        if identity(target, other.value()) == key:
            raise Refused(f"「{key}」已在本地增补中")
    # Stored as the list would display it, so the same entry always reads the same way.
    return display(target, value)


@transaction.atomic
def add_entry(*, user, list_name: str, text: str, note: str = "") -> CheckListEntry:
    _require(user)
    target = word_list(list_name)
    entry = CheckListEntry(
        list_name=target.name, entry=_clean(target, text), note=note.strip(), added_by=user
    )
    entry.save()
    return entry


@transaction.atomic
def change_entry(*, user, entry: CheckListEntry, text: str, note: str) -> CheckListEntry:
    _require(user)
    entry.entry = _clean(entry.word_list, text, exclude=entry)
    entry.note = note.strip()
    entry.save()
    return entry


@transaction.atomic
def set_active(*, user, entry: CheckListEntry, active: bool) -> CheckListEntry:
    _require(user)
    if active:
        # Another entry may have taken its place while it was off.
        _clean(entry.word_list, entry.entry, exclude=entry)
    entry.is_active = active
    entry.save()
    return entry


@dataclass(frozen=True)
class Version:
    """One row of an entry's history, read from the audit trail."""

    seq: int
    at: Any
    actor: str
    action: str
    changes: list[tuple[str, Any, Any]]


_ACTION_LABELS = {"create": "添加", "change": "修改", "delete": "删除"}
_FIELD_LABELS = {"entry": "条目", "note": "备注", "is_active": "启用", "list_name": "词表"}


def history(entry: CheckListEntry) -> list[Version]:
    """Every version of an entry, newest first: who changed what, before and after."""
    events = AuditEvent.objects.filter(
        record_type=CheckListEntry._meta.label_lower, record_id=str(entry.pk)
    ).order_by("-seq")
    versions = []
    for event in events:
        before, after = event.before or {}, event.after or {}
        fields = [name for name in _FIELD_LABELS if name in before or name in after]
        versions.append(
            Version(
                seq=event.seq,
                at=event.at,
                actor=event.actor_label,
                action=_ACTION_LABELS.get(event.action, event.action),
                changes=[
                    (_FIELD_LABELS[n], _shown(before.get(n)), _shown(after.get(n))) for n in fields
                ],
            )
        )
    return versions


def _shown(value: Any) -> Any:
    if isinstance(value, bool):
        return "是" if value else "否"
    return value
