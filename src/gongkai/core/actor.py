"""Who is acting right now, so the audit trail can name them without threading it everywhere.

Naming an actor starts an action: the audit rows written inside share one correlation id.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from gongkai.lib import correlation


@dataclass(frozen=True)
class Actor:
    user_id: int | None
    label: str


SYSTEM = Actor(None, "系统")
_current: ContextVar[Actor] = ContextVar("gongkai_actor", default=SYSTEM)


def current_actor() -> Actor:
    return _current.get()


def actor_for_user(user) -> Actor:
    if user is None or not getattr(user, "is_authenticated", False):
        return Actor(None, "匿名用户")
    name = getattr(user, "full_name", "") or user.get_username()
    return Actor(user.pk, f"{name}（{user.get_username()}）")


@contextmanager
def acting_as(actor: Actor) -> Iterator[Actor]:
    """`actor` does what happens inside, as one action (a request, a command run)."""
    token = _current.set(actor)
    try:
        with correlation.new_action():
            yield actor
    finally:
        _current.reset(token)


def name_actor(actor: Actor) -> None:
    """Name the actor for the rest of this context, inside an enclosing `acting_as`
    (used once authentication happens late, as for API tokens); the action stays the same."""
    _current.set(actor)
