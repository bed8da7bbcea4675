"""The agency's own line (e.g. 96128): call records imported from the telephone system's export,
and the missed calls that become call-back tasks.

A call system exports one row per call: ring, answer and end time, the agent, whether it was
transferred and the transfer succeeded, the caller's rating. Rows are inserted a thousand at a
time (a county's year is a million calls), keyed on the call's id at the agency, so importing
the same file again changes nothing; a bad row is reported by its line and the rest are kept.
The caller's number is encrypted and masked like a work order's caller. A missed call is a
call-back task (待回拨) until someone calls back and reaches the caller, or the caller gets
through on a later call within a day.
"""

import time
from datetime import datetime, timedelta

from django.db import connection, models, transaction
from django.db.models import Exists, OuterRef
from django.db.models.base import ModelState
from django.utils import timezone

from gongkai.agencies import access
from gongkai.agencies.models import Agency
from gongkai.applications import identity
from gongkai.core.audit import record_transition
from gongkai.lib.errors import Refused

from . import platform_files
from .caller import caller_key, mask_phone
from .importer import (
    Report,
    RowError,
    parse_flag,
    parse_time,
    resolve_columns,
)
from .models import NUMBER_MAX_CHARS, Call, CallbackStatus, CallSatisfaction
from .rules import CALL_RULES

CALL_COLUMNS: dict[str, tuple[str, ...]] = {
    "call_id": ("呼叫流水号", "流水号", "话单编号", "呼叫编号", "通话ID"),
    "ring_at": ("振铃时间", "来电时间", "呼入时间"),
    "answered_at": ("接听时间", "应答时间", "接通时间"),
    "ended_at": ("挂机时间", "结束时间"),
    "caller_phone": ("主叫号码", "来电号码"),
    "line": ("热线号码", "被叫号码", "服务号码"),
    "agent": ("坐席工号", "坐席", "工号"),
    "unit": ("科室", "部门"),
    "transferred": ("是否转接", "转接"),
    "transfer_succeeded": ("转接成功", "转接是否成功", "转接结果"),
    "satisfaction": ("满意度", "评价结果", "评价"),
}
CALL_REQUIRED = ("call_id", "ring_at")
CALL_LABELS = {
    "call_id": "呼叫流水号",
    "ring_at": "振铃时间",
    "answered_at": "接听时间",
    "ended_at": "挂机时间",
    "caller_phone": "主叫号码",
    "line": "热线号码",
    "agent": "坐席工号",
    "unit": "科室",
    "transferred": "是否转接",
    "transfer_succeeded": "转接成功",
    "satisfaction": "满意度",
}
SATISFACTION = {
    "非常满意": CallSatisfaction.SATISFIED,
    "满意": CallSatisfaction.SATISFIED,
    "基本满意": CallSatisfaction.BASIC,
    "一般": CallSatisfaction.BASIC,
    "不满意": CallSatisfaction.UNSATISFIED,
    "非常不满意": CallSatisfaction.UNSATISFIED,
    "": "",
    "未评价": "",
}
TRANSFER_RESULTS = {"成功": True, "失败": False}
# A caller who gets through again within this time needs no call back.
CALLED_AGAIN_WITHIN = timedelta(days=1)


def _cell(row: dict, columns: dict, name: str) -> str:
    column = columns.get(name)
    value = row.get(column, "") if column else ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    text = str(value).strip()
    if "\x00" in text:
        raise RowError(f"“{column}”含有空字符（\\u0000），请先清理文件")
    return text


def _time(row: dict, columns: dict, name: str, now: datetime, zone):
    column = columns.get(name)
    if not column or row.get(column) in ("", None):
        return None
    return parse_time(row[column], CALL_LABELS[name], now, zone)


class PhoneCipher:
    """The stored forms of a caller's number, each number encrypted once per import: a caller
    rings many times, and equal numbers are equal already by their keyed digest."""

    def __init__(self) -> None:
        self.known: dict[str, tuple[str, str, str]] = {}

    def __call__(self, phone: str) -> tuple[str, str, str]:
        found = self.known.get(phone)
        if found is None:
            found = self.known[phone] = (
                identity.encrypt(phone),
                mask_phone(phone),
                caller_key(phone),
            )
        return found


# A call as the importer builds it, a thousand at a time: the model's defaults and the row's
# values set at once, without the cost of Model.__init__ for each of a million rows.
_DEFAULTS = {
    f.attname: f.get_default() for f in Call._meta.concrete_fields if f.attname != "id"
} | {"id": None}


def new_call(values: dict) -> Call:
    call = Call.__new__(Call)
    call.__dict__.update(_DEFAULTS)
    call.__dict__.update(values)
    call._state = ModelState()
    return call


def read_call(
    row: dict,
    columns: dict,
    units: dict,
    agency: Agency,
    now: datetime,
    zone=None,
    cipher: PhoneCipher | None = None,
) -> Call:
    """One row as a call of `agency` (not saved); raises RowError."""
    zone = zone or timezone.get_current_timezone()
    cipher = cipher or PhoneCipher()
    call_id = _cell(row, columns, "call_id")
    if not call_id:
        raise RowError("缺少呼叫流水号")
    if len(call_id) > NUMBER_MAX_CHARS:
        raise RowError(f"呼叫流水号超过{NUMBER_MAX_CHARS}个字符")
    ring_at = _time(row, columns, "ring_at", now, zone)
    if ring_at is None:
        raise RowError(f"呼叫{call_id}缺少振铃时间")
    answered_at = _time(row, columns, "answered_at", now, zone)
    ended_at = _time(row, columns, "ended_at", now, zone)
    if answered_at and answered_at < ring_at:
        raise RowError(f"呼叫{call_id}的接听时间早于振铃时间")
    if ended_at and ended_at < (answered_at or ring_at):
        raise RowError(f"呼叫{call_id}的挂机时间早于{'接听' if answered_at else '振铃'}时间")
    transferred = parse_flag(_cell(row, columns, "transferred"), "是否转接")
    result = _cell(row, columns, "transfer_succeeded")
    succeeded = None
    if transferred:
        succeeded = TRANSFER_RESULTS.get(result)
        if succeeded is None:
            succeeded = parse_flag(result, "转接成功") if result else None
    rating = _cell(row, columns, "satisfaction")
    if rating not in SATISFACTION:
        raise RowError(f"满意度“{rating}”无效，可用：满意、基本满意、不满意（或留空）")
    encrypted, masked, key = cipher(_cell(row, columns, "caller_phone"))
    unit = units.get(_cell(row, columns, "unit"))
    return new_call(
        {
            "agency_id": agency.pk,
            "call_id": call_id,
            "line": _cell(row, columns, "line")[:20],
            "unit_id": unit.pk if unit else None,
            "agent": _cell(row, columns, "agent")[:40],
            "caller_phone_encrypted": encrypted,
            "caller_phone_masked": masked,
            "caller_key": key,
            "ring_at": ring_at,
            "answered_at": answered_at,
            "ended_at": ended_at,
            "wait_seconds": int((answered_at - ring_at).total_seconds()) if answered_at else None,
            "talk_seconds": (
                int((ended_at - answered_at).total_seconds()) if answered_at and ended_at else None
            ),
            "transferred": transferred,
            "transfer_succeeded": succeeded,
            "satisfaction": SATISFACTION[rating],
            "callback_status": (
                CallbackStatus.NOT_NEEDED if answered_at else CallbackStatus.PENDING
            ),
        }
    )


class CallImporter:
    """Imports one telephone-system export for one agency on one user's authority."""

    BATCH = 1000

    def __init__(self, *, user, agency: Agency, mapping: dict[str, str] | None = None):
        access.require(user, "call.handle", agency)
        self.user, self.agency, self.mapping = user, agency, mapping or {}
        self.report = Report(what="来电记录")
        self.units = {unit.name: unit for unit in agency.units.all()}

    def run(self, data: bytes, file_name: str) -> Report:
        """Raises `platform_files.FileRefused` or `Refused` when the file cannot be read."""
        started = time.monotonic()
        table = platform_files.read(data, file_name)
        columns = resolve_columns(
            table.headers, self.mapping, CALL_COLUMNS, CALL_REQUIRED, CALL_LABELS
        )
        now, zone, cipher = timezone.now(), timezone.get_current_timezone(), PhoneCipher()
        batch: list[Call] = []
        seen: set[str] = set()
        for line, row in table.rows:
            if isinstance(row, str):
                self.report.errors.append((line, row))
                continue
            try:
                call = read_call(row, columns, self.units, self.agency, now, zone, cipher)
            except RowError as error:
                self.report.errors.append((line, str(error)))
                continue
            if call.call_id in seen:
                self.report.unchanged += 1
                continue
            seen.add(call.call_id)
            batch.append(call)
            if len(batch) >= self.BATCH:
                self._insert(batch)
                batch = []
        self._insert(batch)
        if self.report.created:
            with transaction.atomic():
                resolved = resolve_called_again(self.agency)
                record_transition(
                    self.agency,
                    "import_calls",
                    file=file_name,
                    created=self.report.created,
                    called_again=resolved,
                )
        self.report.seconds = time.monotonic() - started
        return self.report

    def _insert(self, batch: list[Call]) -> None:
        if not batch:
            return
        # By the call ids alone, which the unique index leads with; another agency's call of
        # the same id is rare and dropped here.
        known = {
            call_id
            for agency_id, call_id in Call.objects.filter(
                call_id__in=[call.call_id for call in batch]
            ).values_list("agency_id", "call_id")
            if agency_id == self.agency.pk
        }
        fresh = [call for call in batch if call.call_id not in known]
        insert_calls(fresh)
        self.report.created += len(fresh)
        self.report.unchanged += len(batch) - len(fresh)


def insert_calls(calls: list[Call]) -> None:
    """`bulk_create` without the ORM compiling each of a row's twenty values on its own, which
    took twice as long as the database's own work: one statement, the rows as tuples, dates
    adapted by the backend. A call recorded meanwhile by a simultaneous import is skipped."""
    if not calls:
        return
    ops = connection.ops
    fields = [f for f in Call._meta.concrete_fields if f.attname != "id"]
    dated = [isinstance(f, models.DateTimeField) for f in fields]
    names = [f.attname for f in fields]
    rows = [
        tuple(
            ops.adapt_datetimefield_value(value) if is_date and value is not None else value
            for value, is_date in zip((call.__dict__[n] for n in names), dated, strict=True)
        )
        for call in calls
    ]
    table = ops.quote_name(Call._meta.db_table)
    columns = ", ".join(ops.quote_name(f.column) for f in fields)
    values = ", ".join(["%s"] * len(fields))
    if connection.vendor == "sqlite":
        sql = f"INSERT OR IGNORE INTO {table} ({columns}) VALUES ({values})"
    else:
        sql = f"INSERT INTO {table} ({columns}) VALUES ({values}) ON CONFLICT DO NOTHING"
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def resolve_called_again(agency: Agency) -> int:
    """Missed calls whose caller got through on a later call within a day need no call back."""
    later = Call.objects.filter(
        agency=agency,
        caller_key=OuterRef("caller_key"),
        answered_at__isnull=False,
        ring_at__gt=OuterRef("ring_at"),
        ring_at__lte=OuterRef("ring_at") + CALLED_AGAIN_WITHIN,
    )
    return (
        Call.objects.to_call_back()
        .filter(agency=agency)
        .exclude(caller_key="")
        .filter(Exists(later))
        .update(callback_status=CallbackStatus.CALLED_AGAIN)
    )


@transaction.atomic
def call_back(call: Call, *, reached: bool, note: str, user) -> Call:
    """One call back to a missed caller: reached, the task is done; not reached, it stays to be
    tried again, the attempt counted."""
    access.require(user, "call.handle", call.agency)
    call = Call.objects.select_for_update().get(pk=call.pk)
    CALL_RULES.require("call_back", call)
    note = note.strip()
    if not reached and not note:
        raise Refused("未接通时请写明情况（如无人接听、号码停机）", "note")
    call.callback_attempts += 1
    call.callback_at = timezone.now()
    call.callback_note = note
    call.callback_by = user if getattr(user, "pk", None) else None
    if reached:
        call.callback_status = CallbackStatus.DONE
    call.save()
    record_transition(call, "call_back", reached=reached, attempt=call.callback_attempts)
    return call
