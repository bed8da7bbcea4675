"""What the apps above the review gate add to an item's approval, without review importing them.

The gate is defined here and the apps that build on it (interpretations, say) sit higher in the
layer order, so they register with review instead of review calling them:

- `require_before_approval(uid, check)`: `check(item)` returns the reason the item's current
  version may not receive its final approval now, or None. `sign` asks every check, under the
  item's row lock, before the last step's 同意 is recorded, and refuses with the first reason;
  a return is never held up. The same reasons are offered to pages by `approval_refusal`.
- `item_approved`: sent with `item`, `review`, `opinion` and `user` inside the signing
  transaction once the last step has approved the version. A receiver may do more in the same
  transaction (approve what goes with the item) and may raise `Refused`, which undoes the
  approval with its reason.

A registration names a `uid`, so registering twice (as `AppConfig.ready` may) keeps one.
"""

from collections.abc import Callable

from django.dispatch import Signal

from gongkai.catalog.models import InfoItem

ApprovalCheck = Callable[[InfoItem], str | None]

_checks: dict[str, ApprovalCheck] = {}

item_approved = Signal()


def require_before_approval(uid: str, check: ApprovalCheck) -> None:
    _checks[uid] = check


def approval_refusal(item: InfoItem) -> str | None:
    """The first registered reason why the item's final approval is refused now, or None."""
    for check in _checks.values():
        reason = check(item)
        if reason:
            return reason
    return None
