"""The transitions of a 依申请公开 case and the reads around them, one module per concern.

- `events`: the ledger's writing discipline every transition follows (lock, replay, refuse,
  append, audit, refresh);
- `intake`: registering an application; `handling`: assignment, 补正, consultation, extension;
  `charging`: fees; `replying`: the reply, its delivery and closing;
- `cache`: the values a case caches from its ledger and their recomputation;
- `scans`, `similar`, `lookup`: scans of paper applications, similar requests at intake, the
  public status lookup.

The workflow (`applications/workflow.py`) is the way in; these names are what it runs.
"""

from .cache import DERIVED_FIELDS, derived_values, recompute_open_deadlines, refresh, state_of
from .charging import assess_fee, fee_paid, lapse_fee, rank_in_month
from .events import today
from .handling import (
    ConsultedParty,
    approve_extension,
    assign,
    end_consultation,
    lapse_correction,
    receive_correction,
    request_correction,
    request_extension,
    start_consultation,
)
from .intake import Intake, next_serial, register
from .lookup import find_by_tracking, online_replies
from .replying import DECIDABLE, close, decide, deliver
from .scans import Upload, attach_scans
from .similar import Similar, similar_cases

__all__ = [
    "DECIDABLE",
    "DERIVED_FIELDS",
    "ConsultedParty",
    "Intake",
    "Similar",
    "Upload",
    "approve_extension",
    "assess_fee",
    "assign",
    "attach_scans",
    "close",
    "decide",
    "deliver",
    "derived_values",
    "end_consultation",
    "fee_paid",
    "find_by_tracking",
    "lapse_correction",
    "lapse_fee",
    "next_serial",
    "online_replies",
    "rank_in_month",
    "receive_correction",
    "recompute_open_deadlines",
    "refresh",
    "register",
    "request_correction",
    "request_extension",
    "similar_cases",
    "start_consultation",
    "state_of",
    "today",
]
