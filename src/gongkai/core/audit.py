"""Writing and verifying the audit trail."""

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from django.db import models, transaction
from django.utils import timezone

from gongkai.lib import correlation

from .actor import current_actor
from .models import AuditChainHead, AuditEvent
from .snapshots import plain

GENESIS_HASH = "0" * 64

_HASHED_FIELDS = (
    "seq",
    "at",
    "actor_id",
    "actor_label",
    "agency_id",
    "record_type",
    "record_id",
    "record_label",
    "action",
    "before",
    "after",
    "prev_hash",
)
# Hashed only when set, so rows written before the field existed keep their hashes.
_HASHED_WHEN_SET = ("correlation_id",)


def record_type_of(instance: models.Model) -> str:
    return instance._meta.label_lower


def _canonical_time(at: datetime) -> str:
    return at.astimezone(UTC).isoformat(timespec="microseconds")


def compute_hash(values: dict) -> str:
    payload = {name: values[name] for name in _HASHED_FIELDS}
    payload |= {name: values[name] for name in _HASHED_WHEN_SET if values.get(name)}
    payload["at"] = _canonical_time(payload["at"])
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _values_of(event: AuditEvent) -> dict:
    return {name: getattr(event, name) for name in (*_HASHED_FIELDS, *_HASHED_WHEN_SET)}


def append(
    *,
    record_type: str,
    record_id: str,
    action: str,
    agency_id: int | None,
    record_label: str = "",
    before: dict | None = None,
    after: dict | None = None,
) -> AuditEvent:
    """Append one row to the chain, in the caller's transaction, under the current action's
    correlation id (a row written outside any action is an action of its own)."""
    actor = current_actor()
    with transaction.atomic():
        head = AuditChainHead.objects.select_for_update().filter(pk=1).first()
        if head is None:
            # A fresh (or flushed) database: the chain starts here. Should the head row go
            # missing while rows exist, the unique seq refuses the append and verify reports it.
            head = AuditChainHead.objects.create(pk=1, seq=0, last_hash=GENESIS_HASH)
        values = {
            "seq": head.seq + 1,
            # Stored values keep microseconds on every database we support.
            "at": timezone.now().astimezone(UTC),
            "actor_id": actor.user_id,
            "actor_label": actor.label,
            "agency_id": agency_id,
            "record_type": record_type,
            "record_id": str(record_id),
            "record_label": record_label[:300],
            "action": action,
            "before": plain(before),
            "after": plain(after),
            "correlation_id": correlation.current() or correlation.new_id(),
            "prev_hash": head.last_hash,
        }
        event = AuditEvent(**values, hash=compute_hash(values))
        event.save()
        AuditChainHead.objects.filter(pk=1).update(seq=event.seq, last_hash=event.hash)
    return event


def record_change(instance, action: str, before: dict | None, after: dict | None) -> AuditEvent:
    return append(
        record_type=record_type_of(instance),
        record_id=str(instance.pk),
        record_label=str(instance),
        action=action,
        agency_id=instance.audit_agency_id(),
        before=before,
        after=after,
    )


def record_transition(instance, transition: str, **detail) -> AuditEvent:
    """Record a named state transition (submit, approve, publish …) of a domain record."""
    return record_change(instance, transition, None, detail or None)


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    checked: int
    broken_seq: int | None = None
    broken_id: int | None = None
    reason: str = ""

    def message(self) -> str:
        if self.ok:
            return f"ok（已核验 {self.checked} 条）"
        where = f"第 {self.broken_seq} 条" if self.broken_seq is not None else "链尾"
        ident = f"（id={self.broken_id}）" if self.broken_id is not None else ""
        return f"审计链断裂：{where}{ident}：{self.reason}"


def verify(events: Iterable[AuditEvent] | None = None) -> VerifyResult:
    """Walk the chain in order and report the first row that does not fit."""
    if events is None:
        events = AuditEvent.objects.order_by("seq").iterator(chunk_size=2000)
    expected_seq, prev_hash, checked = 1, GENESIS_HASH, 0
    for event in events:
        if event.seq != expected_seq:
            reason = (
                f"序号应为 {expected_seq}，实为 {event.seq}：之前的记录被删除"
                if event.seq > expected_seq
                else f"序号应为 {expected_seq}，实为 {event.seq}：记录被插入或顺序错乱"
            )
            return VerifyResult(False, checked, expected_seq, event.pk, reason)
        if event.prev_hash != prev_hash:
            return VerifyResult(
                False, checked, event.seq, event.pk, "与前一条的链接不符：记录被插入或替换"
            )
        if compute_hash(_values_of(event)) != event.hash:
            return VerifyResult(False, checked, event.seq, event.pk, "内容与哈希不符：记录被修改")
        prev_hash, expected_seq, checked = event.hash, expected_seq + 1, checked + 1
    head = AuditChainHead.objects.filter(pk=1).first()
    head = head or AuditChainHead(seq=0, last_hash=GENESIS_HASH)
    if head.seq != checked or head.last_hash != prev_hash:
        return VerifyResult(
            False,
            checked,
            None,
            None,
            f"链头记录到第 {head.seq} 条，实际只有 {checked} 条：末尾的记录被删除或链头被改动",
        )
    return VerifyResult(True, checked)
