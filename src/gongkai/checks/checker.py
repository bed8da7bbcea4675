"""The base of every check kind and the table they register in (one module per kind under
`kinds/`, each decorated with `register`)."""

from abc import ABC, abstractmethod
from collections.abc import Iterable
from typing import ClassVar

from .findings import Finding, Severity
from .lists import ListData

CHECKERS: dict[str, type["Checker"]] = {}


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
    CHECKERS[cls.kind] = cls
    return cls
