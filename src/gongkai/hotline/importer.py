"""Importing the city platform's export of work orders (format in docs/hotline.md).

The columns are found by the names the platforms use (工单编号, 工单类别, 诉求内容, 派单时间, …)
or by a mapping the user gives (`number=工单号`). Each row becomes one work order through
`services.receive`, in its own savepoint: a bad row is reported with its line number and the
reason in Chinese, and the others are kept. Importing the same file again changes nothing —
no order, no batch, no audit row — since an order number already known at the agency is
left as it is.
"""

import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db import transaction
from django.utils import timezone

from gongkai.agencies import access
from gongkai.agencies.models import Agency
from gongkai.lib.errors import Refused

from . import platform_files, services
from .caller import Caller
from .models import (
    CONTENT_MAX_CHARS,
    NUMBER_MAX_CHARS,
    SUBJECT_MAX_CHARS,
    HandlingRole,
    ImportBatch,
    OrderKind,
    WorkOrder,
)

# Our field → the column names platforms give it, the first found is taken.
INPUT_COLUMNS: dict[str, tuple[str, ...]] = {
    "number": ("工单编号", "工单号", "编号"),
    "kind": ("工单类别", "工单类型", "诉求类型", "诉求类别", "类别"),
    "subject": ("标题", "工单标题", "诉求标题"),
    "content": ("诉求内容", "工单内容", "来电内容", "内容"),
    "caller_name": ("来电人", "来电人姓名", "诉求人", "姓名"),
    "caller_phone": ("来电号码", "联系电话", "联系方式", "电话"),
    "caller_address": ("地址", "联系地址", "诉求地址", "事发地址"),
    "dispatched_at": ("派单时间", "交办时间", "下派时间"),
    "role": ("承办类型", "主协办"),
    "lead_unit": ("主办单位",),
    "co_units": ("协办单位",),
    "confidential": ("是否保密", "保密"),
}
REQUIRED = ("number", "kind", "content", "dispatched_at")
CALLER_FIELDS = ("caller_name", "caller_phone", "caller_address")
# What goes back to the platform: our field → its column, added after the platform's own
# columns unless the file has it already (or the mapping names another).
RESULT_COLUMNS: dict[str, str] = {
    "status": "办理状态",
    "handling_unit": "承办单位",
    "reply_text": "答复内容",
    "replied_on": "答复时间",
    "return_reason": "退单理由",
    "extension_workdays": "延期工作日",
    "closed_on": "办结时间",
}
FIELD_LABELS = {
    "number": "工单编号",
    "kind": "工单类别",
    "subject": "标题",
    "content": "诉求内容",
    "caller_name": "来电人",
    "caller_phone": "来电号码",
    "caller_address": "地址",
    "dispatched_at": "派单时间",
    "role": "承办类型",
    "lead_unit": "主办单位",
    "co_units": "协办单位",
    "confidential": "是否保密",
}
KINDS = {str(label): code for code, label in OrderKind.choices}
YES = {"是", "1", "true", "yes", "y", "保密", "要求保密"}
NO = {"", "否", "0", "false", "no", "n", "不保密"}
DATETIME_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%Y年%m月%d日 %H:%M",
    "%Y年%m月%d日%H:%M",
    "%Y年%m月%d日",
)


class RowError(ValueError):
    """Why one row was not imported; str() is Chinese."""


@dataclass
class Report:
    created: int = 0
    unchanged: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)
    batch: ImportBatch | None = None
    seconds: float = 0.0
    what: str = "工单"

    @property
    def processed(self) -> int:
        return self.created + self.unchanged + len(self.errors)

    def summary(self) -> str:
        return (
            f"共 {self.processed} 行：新增{self.what} {self.created}，"
            f"已导入过未变 {self.unchanged}，出错 {len(self.errors)}"
        )

    def error_lines(self) -> list[str]:
        return [f"第 {line} 行：{message}" for line, message in self.errors]


def parse_mapping(
    pairs: list[str], known: set[str] | None = None, labels: dict[str, str] | None = None
) -> dict[str, str]:
    """`["number=工单号", "答复内容=回复内容"]` → {our field: the file's column}; our field is
    named by its code or by its Chinese name (`labels`), as a clerk writes it on the page."""
    known = known if known is not None else set(INPUT_COLUMNS) | set(RESULT_COLUMNS)
    labels = labels if labels is not None else FIELD_LABELS | RESULT_COLUMNS
    by_label = {label: code for code, label in labels.items() if code in known}
    mapping = {}
    for pair in pairs:
        pair = pair.strip()
        if not pair:
            continue
        ours, sep, theirs = pair.partition("=")
        ours, theirs = ours.strip(), theirs.strip()
        ours = by_label.get(ours, ours)
        if not sep or not ours or not theirs:
            raise ValueError(f"列名对应“{pair}”应写成 本系统字段=文件列名，如 工单编号=工单号")
        if ours not in known:
            names = "、".join(labels.get(code, code) for code in sorted(known))
            raise ValueError(f"列名对应“{pair}”中的“{ours}”不是可对应的字段，可用：{names}")
        mapping[ours] = theirs
    return mapping


def resolve_columns(
    headers: list[str],
    mapping: dict[str, str],
    known: dict[str, tuple[str, ...]] = INPUT_COLUMNS,
    required: tuple[str, ...] = REQUIRED,
    labels: dict[str, str] = FIELD_LABELS,
) -> dict[str, str]:
    """Our field → the file's column, by the mapping or the first known name present; raises
    Refused naming the required fields the file lacks."""
    present = set(headers)
    columns = {}
    for ours, names in known.items():
        if ours in mapping:
            if mapping[ours] not in present:
                raise Refused(f"文件中没有列“{mapping[ours]}”（{labels[ours]}）")
            columns[ours] = mapping[ours]
            continue
        found = next((name for name in names if name in present), None)
        if found:
            columns[ours] = found
    missing = [labels[f] for f in required if f not in columns]
    if missing:
        example = next(iter(known))
        raise Refused(
            f"文件中找不到{'、'.join(missing)}列（列名：{'、'.join(headers) or '无'}）；"
            f"请用列名对应指定，如 {example}=列名"
        )
    return columns


def result_columns(mapping: dict[str, str]) -> dict[str, str]:
    return {ours: mapping.get(ours, name) for ours, name in RESULT_COLUMNS.items()}


def _text(row: dict, column: str | None) -> str:
    if not column:
        return ""
    value = row.get(column, "")
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    if "\x00" in text:
        raise RowError(f"“{column}”含有空字符（\\u0000），请先清理文件")
    return text


def parse_kind(value: str) -> str:
    value = value.strip()
    code = KINDS.get(value) or KINDS.get(value.removesuffix("类"))
    if code is None and value in OrderKind.values:
        code = value
    if code is None:
        raise RowError(f"工单类别“{value}”无效，可用：{'、'.join(KINDS)}")
    return code


def parse_time(value, label: str, now: datetime, zone=None) -> datetime:
    """A date-time cell as platforms and telephone systems write it; raises RowError. A naive
    time is in `zone` (the current time zone unless given: an import passes it once)."""
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, date):
        parsed = datetime(value.year, value.month, value.day)
    else:
        text = str(value).strip()
        try:
            # The common 2026-11-30 09:15:00 and 2026-11-30, read in C.
            parsed = datetime.fromisoformat(text) if text[:4].isdigit() else None
        except ValueError:
            parsed = None
        for pattern in DATETIME_FORMATS if parsed is None else ():
            try:
                parsed = datetime.strptime(text, pattern)
                break
            except ValueError:
                continue
        if parsed is None:
            raise RowError(f"{label}“{text}”不是可识别的日期时间（如 2026-11-30 09:15）")
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=zone or timezone.get_current_timezone())
    if parsed > now + timedelta(hours=1):
        raise RowError(f"{label}“{parsed:%Y-%m-%d %H:%M}”晚于现在")
    return parsed


def parse_flag(value: str, label: str) -> bool:
    text = value.strip().lower()
    if text in YES:
        return True
    if text in NO:
        return False
    raise RowError(f"{label}“{value}”应为“是”或“否”")


def parse_role(value: str) -> str:
    value = value.strip()
    if value in ("", "主办", "主办单位"):
        return HandlingRole.LEAD
    if value in ("协办", "协办单位"):
        return HandlingRole.ASSIST
    raise RowError(f"承办类型“{value}”应为“主办”或“协办”")


def read_row(
    row: dict, columns: dict[str, str], line: int | None, now: datetime
) -> services.Incoming:
    """One row as `services.receive` takes it; raises RowError."""
    values = {ours: _text(row, column) for ours, column in columns.items()}
    number = values["number"]
    if not number:
        raise RowError("缺少工单编号")
    if len(number) > NUMBER_MAX_CHARS:
        raise RowError(f"工单编号超过{NUMBER_MAX_CHARS}个字符")
    content, subject = values["content"], values.get("subject", "")
    if not content:
        raise RowError(f"工单{number}缺少诉求内容")
    if len(content) > CONTENT_MAX_CHARS:
        raise RowError(f"工单{number}的诉求内容超过{CONTENT_MAX_CHARS}字")
    if len(subject) > SUBJECT_MAX_CHARS:
        raise RowError(f"工单{number}的标题超过{SUBJECT_MAX_CHARS}字")
    if not values["dispatched_at"]:
        raise RowError(f"工单{number}缺少派单时间")
    caller_columns = {columns.get(f) for f in CALLER_FIELDS}
    return services.Incoming(
        number=number,
        kind=parse_kind(values["kind"]),
        subject=subject,
        content=content,
        dispatched_at=parse_time(row[columns["dispatched_at"]], "派单时间", now),
        caller=Caller(
            values.get("caller_name", ""),
            values.get("caller_phone", ""),
            values.get("caller_address", ""),
        ),
        confidential=parse_flag(values.get("confidential", ""), "是否保密"),
        role=parse_role(values.get("role", "")),
        lead_unit=values.get("lead_unit", ""),
        co_units=values.get("co_units", ""),
        # The caller's columns never stay in the clear: they are encrypted on the order.
        source_row={h: platform_files.plain(v) for h, v in row.items() if h not in caller_columns},
        source_line=line,
    )


class Importer:
    """Imports one platform file for one agency on one user's authority."""

    def __init__(self, *, user, agency: Agency, mapping: dict[str, str] | None = None):
        access.require(user, "workorder.handle", agency)
        self.user, self.agency, self.mapping = user, agency, mapping or {}
        self.report = Report()

    def run(self, data: bytes, file_name: str) -> Report:
        """Raises `platform_files.FileRefused` or `Refused` when the file cannot be read at
        all; otherwise every row is imported or reported."""
        started = time.monotonic()
        table = platform_files.read(data, file_name)
        columns = resolve_columns(table.headers, self.mapping)
        now = timezone.now()
        parsed: list[tuple[int, services.Incoming]] = []
        for line, row in table.rows:
            if isinstance(row, str):
                self.report.errors.append((line, row))
                continue
            try:
                parsed.append((line, read_row(row, columns, line, now)))
            except RowError as error:
                self.report.errors.append((line, str(error)))
        known = self._known({incoming.number for _, incoming in parsed})
        for line, incoming in parsed:
            if incoming.number in known:
                self.report.unchanged += 1
                continue
            fresh = self.report.batch is None
            try:
                with transaction.atomic():
                    _, created = services.receive(
                        self.agency, incoming, user=self.user, batch=self._batch(table, file_name)
                    )
            except Refused as error:
                if fresh:
                    self.report.batch = None  # rolled back with the row
                self.report.errors.append((line, error.message))
                continue
            known.add(incoming.number)
            self.report.created += created
            self.report.unchanged += not created
        if self.report.batch is not None:
            self.report.batch.created_count = self.report.created
            self.report.batch.save(update_fields=["created_count"])
        self.report.errors.sort()
        self.report.seconds = time.monotonic() - started
        return self.report

    def _known(self, numbers: set[str]) -> set[str]:
        known: set[str] = set()
        ordered = sorted(numbers)
        for start in range(0, len(ordered), 500):
            known |= set(
                WorkOrder.objects.filter(
                    agency=self.agency, number__in=ordered[start : start + 500]
                ).values_list("number", flat=True)
            )
        return known

    def _batch(self, table: platform_files.Table, file_name: str) -> ImportBatch:
        """The batch, recorded with the first new order only: a file that brings nothing new
        leaves no trace."""
        if self.report.batch is None:
            self.report.batch = ImportBatch.objects.create(
                agency=self.agency,
                file_name=file_name[:255],
                file_format=table.file_format,
                variant=table.variant,
                headers=table.headers,
                mapping=self.mapping,
                imported_by=self.user if getattr(self.user, "pk", None) else None,
            )
        return self.report.batch
