"""What changed between two versions of an item: the metadata fields that differ, and the body
line by line (python's difflib), for the staff page of an earlier version."""

import difflib
from dataclasses import dataclass

from .models import ENTERED_FIELDS, ItemVersion

# Shown as whole values; the body is compared line by line instead.
COMPARED_FIELDS = tuple(f for f in ENTERED_FIELDS if f != "body")


@dataclass(frozen=True)
class FieldChange:
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class Line:
    op: str  # "same", "removed" or "added"
    text: str


def shown(version: ItemVersion, name: str) -> str:
    """A field's value as a person reads it: choices by label, empty as 「—」."""
    field = ItemVersion._meta.get_field(name)
    value = getattr(version, f"get_{name}_display")() if field.choices else getattr(version, name)
    if isinstance(value, list):
        value = "、".join(str(v) for v in value)
    return str(value) if value not in (None, "", []) else "—"


def field_changes(older: ItemVersion, newer: ItemVersion) -> list[FieldChange]:
    return [
        FieldChange(str(ItemVersion._meta.get_field(name).verbose_name), before, after)
        for name in COMPARED_FIELDS
        if (before := shown(older, name)) != (after := shown(newer, name))
    ]


def body_lines(older: str, newer: str) -> list[Line]:
    """The newer body's lines with the older's removed ones among them, in reading order."""
    ops = {" ": "same", "-": "removed", "+": "added"}
    return [
        Line(ops[row[0]], row[2:])
        for row in difflib.ndiff(older.splitlines(), newer.splitlines())
        if row[0] in ops
    ]
