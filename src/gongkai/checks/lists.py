"""Word lists for the checks: the package's data files merged with a deployment's additions.

Each check reads one YAML file named after its kind (`data/spam_injection.yaml` …). A deployment
adds its own entries — local officials' names, brands seen in a local incident — in two ways:
files of the same names in the directory named by the setting ``GONGKAI_CHECK_LISTS_DIR``, and
entries its system admins add on the workbench (`CheckListEntry`, audited). Mappings are merged
key by key (a deployment's value wins), lists are extended. `data/README.md` describes the
format of every file.
"""

import logging
import os
from collections.abc import Mapping
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

from .list_formats import WORD_LISTS, EntryError, add_to

logger = logging.getLogger(__name__)

ListData = dict[str, Any]


class ListFileError(ValueError):
    """A word-list file that cannot be read; the message names the file, in Chinese."""


def _read_yaml(path: Path | Traversable, label: str) -> ListData:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ListFileError(f"检查词表文件「{label}」无法读取：{exc}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ListFileError(f"检查词表文件「{label}」的顶层应为映射（键: 值）")
    return data


def merge(base: Any, extra: Any) -> Any:
    """Merge a deployment's list data into the package's: mappings by key, lists extended."""
    if isinstance(base, Mapping) and isinstance(extra, Mapping):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = merge(base[key], value) if key in base else value
        return merged
    if isinstance(base, list) and isinstance(extra, list):
        return base + [item for item in extra if item not in base]
    return extra


def configured_extra_dir() -> Path | None:
    """The directory named by the GONGKAI_CHECK_LISTS_DIR setting, when Django is set up."""
    from django.conf import settings

    if not settings_available():
        return None
    value = getattr(settings, "GONGKAI_CHECK_LISTS_DIR", None)
    return Path(value) if value else None


def database_ready() -> bool:
    """Whether Django is set up with the checks app, so the workbench additions can be read."""
    if not settings_available():
        return False
    from django.apps import apps

    return apps.ready and apps.is_installed("gongkai.checks")


def settings_available() -> bool:
    from django.conf import settings

    # Reading a setting configures Django from DJANGO_SETTINGS_MODULE; with neither, the
    # checks still run as a plain library on the package lists alone.
    return settings.configured or bool(os.environ.get("DJANGO_SETTINGS_MODULE"))


def additions_stamp() -> str | None:
    """A value that changes whenever a workbench addition changes; None without a database.

    It is the hash of the newest audit row about any entry: every add, edit and deactivation
    writes one in the same transaction, so every process sees a change once it is committed.
    The hash rather than the sequence number, because a rolled-back change frees its number
    for a different change.
    """
    if not database_ready():
        return None
    from django.db import DatabaseError

    from gongkai.core.models import AuditEvent

    from .models import CheckListEntry

    try:
        newest = (
            AuditEvent.objects.filter(record_type=CheckListEntry._meta.label_lower)
            .order_by("-seq")
            .values_list("hash", flat=True)
            .first()
        )
    except DatabaseError as exc:
        # `gongkai check` on a machine whose database is not set up (or not yet migrated)
        # still checks files, on the package and directory lists.
        logger.warning("检查词表的本地增补无法读取，只使用基础词表：%s", exc)
        return None
    return newest or ""


def database_additions() -> dict[str, list[Any]]:
    """The active workbench additions, by list name, as values ready to merge."""
    from django.db import DatabaseError

    from .models import CheckListEntry

    additions: dict[str, list[Any]] = {}
    try:
        entries = list(CheckListEntry.objects.filter(is_active=True).order_by("pk"))
    except DatabaseError as exc:
        logger.warning("检查词表的本地增补无法读取，只使用基础词表：%s", exc)
        return additions
    for entry in entries:
        try:
            value = entry.value()
        except EntryError:
            # Validated when saved; only a later change of a list's format can make an entry
            # unreadable. The page marks it, and one stale entry must not stop every check.
            logger.error("检查词表条目 #%s 已不符合词表格式，检查时未使用", entry.pk)
            continue
        additions.setdefault(entry.list_name, []).append(value)
    return additions


def load_list(
    name: str,
    extra_dir: Path | None = None,
    additions: Mapping[str, list[Any]] | None = None,
) -> ListData:
    """The merged list data for one check, e.g. ``load_list("spam_injection")``.

    `additions` are the workbench entries by list name (``"spam_injection.brands"``).
    """
    package_file = resources.files("gongkai.checks").joinpath("data", f"{name}.yaml")
    data = _read_yaml(package_file, f"{name}.yaml") if package_file.is_file() else {}
    if extra_dir is not None:
        # A mistyped directory would silently drop a deployment's own lists.
        if not extra_dir.is_dir():
            raise ListFileError(
                f"检查词表目录「{extra_dir}」不存在（设置 GONGKAI_CHECK_LISTS_DIR）"
            )
        extra_file = extra_dir / f"{name}.yaml"
        if extra_file.is_file():
            data = merge(data, _read_yaml(extra_file, str(extra_file)))
    for word_list in WORD_LISTS:
        if word_list.kind == name:
            for value in (additions or {}).get(word_list.name, []):
                add_to(word_list, data, value)
    return data
