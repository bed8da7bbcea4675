"""The correlation id: one per action (a request, an API call, a command, a transition), so
every audit row that one action writes can be found together.

An action that starts inside another (a transition performed by a request) joins it; a row
written outside any action is an action of its own.
"""

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_current: ContextVar[str | None] = ContextVar("gongkai_correlation_id", default=None)


def new_id() -> str:
    return uuid.uuid4().hex


def current() -> str | None:
    return _current.get()


@contextmanager
def new_action() -> Iterator[str]:
    """Everything inside is one new action, whatever encloses it (a request, a command run)."""
    token = _current.set(new_id())
    try:
        yield _current.get()
    finally:
        _current.reset(token)


@contextmanager
def one_action() -> Iterator[str]:
    """Everything inside is one action: the enclosing one if there is one, else a new one."""
    if _current.get() is not None:
        yield _current.get()
        return
    with new_action() as correlation_id:
        yield correlation_id
