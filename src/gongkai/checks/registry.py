"""The registered checks, built from their word lists once and rebuilt when the lists change."""

from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from . import kinds  # noqa: F401  (importing the package registers every kind)
from .checker import CHECKERS, Checker
from .lists import additions_stamp, database_additions, load_list


def all_kinds() -> list[str]:
    """Every registered kind, in registration order."""
    return list(CHECKERS)


@lru_cache(maxsize=4)
def _build(extra_dir: Path | None, stamp: str | None) -> tuple[Checker, ...]:
    additions = database_additions() if stamp is not None else {}
    return tuple(CHECKERS[kind](load_list(kind, extra_dir, additions)) for kind in all_kinds())


def checkers(extra_dir: Path | None = None) -> Iterator[Checker]:
    """The built checkers; rebuilt when the workbench additions have changed since last time.

    The stamp is one indexed query; building the checkers reads every list, so that is done only
    when the stamp moves (by a change in this process or another).
    """
    yield from _build(extra_dir, additions_stamp())


def reload_lists() -> None:
    """Forget the built checkers so the next check reads the word lists again."""
    _build.cache_clear()
