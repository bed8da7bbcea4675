"""The values a case caches from its ledger (status, deadline, outcome) for lists and queues,
and their recomputation when the calendar changes."""

from gongkai.core import audit

from ..ledger import Entry, State, replay, reply_deadline
from ..models import Application, CaseEvent


def state_of(case: Application) -> State:
    return replay(case.events.order_by("id"))


def refresh(case: Application, state: State | None = None) -> bool:
    """Bring the case's cached status and deadline in line with its events; True if changed."""
    state = state if state is not None else state_of(case)
    values = derived_values(state)
    if all(getattr(case, name) == value for name, value in values.items()):
        return False
    Application.objects.filter(pk=case.pk).update(**values)
    for name, value in values.items():
        setattr(case, name, value)
    return True


def derived_values(state: State) -> dict:
    deadline = reply_deadline(state)
    return {
        "status": state.status,
        "due_date": deadline.due,
        "due_unknown_year": deadline.unknown_year,
        "due_provisional_year": deadline.provisional_year,
        "outcome": state.outcome,
        "decided_on": state.decided_on,
    }


def recompute_open_deadlines(*, reason: str, chunk: int = 5000) -> tuple[int, int]:
    """Replay every open case and store the deadline the calendar now gives.

    Returns (cases checked, cases whose cached values changed) and records one audit event
    saying so. Runs inside the caller's transaction (a calendar import's, for one). Rows are
    read as plain values and written grouped by their new values: a calendar change moves
    thousands of cases onto a few hundred distinct dates.
    """
    checked = changed = provisional = 0
    open_ids = list(Application.objects.open().order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(open_ids), chunk):
        ids = open_ids[start : start + chunk]
        entries: dict[int, list[Entry]] = {pk: [] for pk in ids}
        for case_id, kind, on, data in (
            CaseEvent.objects.filter(case_id__in=ids)
            .order_by("id")
            .values_list("case_id", "kind", "on", "data")
        ):
            entries[case_id].append(Entry(kind, on, data))
        moves: dict[tuple, list[int]] = {}
        for pk, *cached in Application.objects.filter(pk__in=ids).values_list(
            "pk", *DERIVED_FIELDS
        ):
            values = derived_values(replay(entries[pk]))
            new = tuple(values[name] for name in DERIVED_FIELDS)
            checked += 1
            provisional += values["due_provisional_year"] is not None
            if new != tuple(cached):
                moves.setdefault(new, []).append(pk)
        for new, pks in moves.items():
            Application.objects.filter(pk__in=pks).update(
                **dict(zip(DERIVED_FIELDS, new, strict=True))
            )
            changed += len(pks)
    audit.append(
        record_type="applications.application",
        record_id="*",
        record_label="全部未办结申请",
        action="recompute_deadlines",
        agency_id=None,
        after={
            "reason": reason,
            "checked": checked,
            "changed": changed,
            "still_provisional": provisional,
        },
    )
    return checked, changed


DERIVED_FIELDS = (
    "status",
    "due_date",
    "due_unknown_year",
    "due_provisional_year",
    "outcome",
    "decided_on",
)
