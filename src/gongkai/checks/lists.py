"""Word lists for the checks: the package's data files merged with a deployment's additions.

Each check reads one YAML file named after its kind (`data/spam_injection.yaml` …). A deployment
adds its own entries — local officials' names, brands seen in a local incident — by pointing the
setting ``GONGKAI_CHECK_LISTS_DIR`` at a directory holding files of the same names. Mappings are
merged key by key (a deployment's value wins), lists are extended. `data/README.md` describes the
format of every file.
"""

import os
from collections.abc import Mapping
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

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

    # Reading a setting configures Django from DJANGO_SETTINGS_MODULE; with neither, the
    # checks still run as a plain library on the package lists alone.
    if not settings.configured and not os.environ.get("DJANGO_SETTINGS_MODULE"):
        return None
    value = getattr(settings, "GONGKAI_CHECK_LISTS_DIR", None)
    return Path(value) if value else None


def load_list(name: str, extra_dir: Path | None = None) -> ListData:
    """The merged list data for one check, e.g. ``load_list("spam_injection")``."""
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
    return data
