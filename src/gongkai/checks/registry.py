"""The checker registry: each kind module registers one checker class here."""

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import ClassVar

from .findings import Finding, Severity
from .lists import ListData, additions_stamp, database_additions, load_list

_CHECKERS: dict[str, type["Checker"]] = {}


class Checker(ABC):
    """Finds one kind of problem; built once from its word list, then run on many texts."""

    kind: ClassVar[str]
    severity: ClassVar[Severity]

    def __init__(self, data: ListData) -> None:  # noqa: B027  (a default, not a hook)
        """Build the matchers from the kind's list data; checks that need no list ignore it."""

    @abstractmethod
    def find(self, text: str) -> Iterable[Finding]:
        """Every problem of this kind in `text`."""

    def finding(
        self,
        start: int,
        end: int,
        text: str,
        message: str,
        suggestion: str = "",
        severity: Severity | None = None,
    ) -> Finding:
        return Finding(
            kind=self.kind,
            severity=severity or self.severity,
            start=start,
            end=end,
            text=text[start:end],
            message=message,
            suggestion=suggestion,
        )


def register(cls: type[Checker]) -> type[Checker]:
    _CHECKERS[cls.kind] = cls
    return cls


def all_kinds() -> list[str]:
    """Every registered kind, in registration order."""
    from . import kinds as _kinds  # noqa: F401  (importing the package registers every kind)

    return list(_CHECKERS)


@lru_cache(maxsize=4)
def _build(extra_dir: Path | None, stamp: str | None) -> tuple[Checker, ...]:
    additions = database_additions() if stamp is not None else {}
    return tuple(_CHECKERS[kind](load_list(kind, extra_dir, additions)) for kind in all_kinds())


def checkers(extra_dir: Path | None = None) -> Iterator[Checker]:
    """The built checkers; rebuilt when the workbench additions have changed since last time.

    The stamp is one indexed query; building the checkers reads every list, so that is done only
    when the stamp moves (by a change in this process or another).
    """
    yield from _build(extra_dir, additions_stamp())


def reload_lists() -> None:
    """Forget the built checkers so the next check reads the word lists again."""
    _build.cache_clear()
