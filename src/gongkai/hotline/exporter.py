"""The results of an imported file, back to the platform in the format it sent: the same
columns in the same order (the caller's masked, or left empty on a confidential order), the
handling results in the columns `importer.RESULT_COLUMNS` names, added after the platform's own
unless the file had them; CSV in the same encoding, JSON in the same shape."""

from dataclasses import dataclass
from pathlib import PurePath

from django.db.models import QuerySet

from . import platform_files
from .caller import masked
from .importer import CALLER_FIELDS, resolve_columns, result_columns
from .models import FileFormat, ImportBatch, OrderStatus, WorkOrder


@dataclass(frozen=True)
class Export:
    data: bytes
    file_name: str
    content_type: str


def status_text(order: WorkOrder) -> str:
    if order.status == OrderStatus.MERGED and order.merged_into_id:
        return f"已并单（并入{order.merged_into.number}）"
    return order.get_status_display()


def _results(order: WorkOrder) -> dict:
    return {
        "status": status_text(order),
        "handling_unit": order.handling_unit,
        "reply_text": order.reply_text,
        "replied_on": order.replied_on or "",
        "return_reason": order.return_reason
        if order.status in (OrderStatus.RETURN_REQUESTED, OrderStatus.RETURNED)
        else "",
        "extension_workdays": order.extension_workdays or "",
        "closed_on": order.closed_on or "",
    }


def export_batch(batch: ImportBatch, orders: QuerySet | None = None) -> Export:
    orders = batch.orders.all() if orders is None else orders
    orders = orders.select_related("agency", "unit", "merged_into").order_by("source_line", "id")
    columns = resolve_columns(batch.headers, batch.mapping)
    results = result_columns(batch.mapping)
    headers = list(batch.headers) + [c for c in results.values() if c not in batch.headers]
    rows = []
    for order in orders:
        row = dict(order.source_row)
        caller = masked(order) if not order.confidential else None
        for name in CALLER_FIELDS:
            if name in columns:
                row[columns[name]] = getattr(caller, name.removeprefix("caller_")) if caller else ""
        row |= {results[ours]: value for ours, value in _results(order).items()}
        rows.append(row)
    data = platform_files.write(batch.file_format, batch.variant, headers, rows)
    stem = PurePath(batch.file_name).stem or "工单"
    suffix = {"csv": ".csv", "xlsx": ".xlsx", "json": ".json"}[batch.file_format]
    if batch.file_format == FileFormat.JSON and batch.variant == "lines":
        suffix = ".jsonl"
    content_type = platform_files.CONTENT_TYPES[batch.file_format]
    if batch.file_format == FileFormat.CSV and batch.variant == "gb18030":
        content_type = "text/csv; charset=gb18030"
    return Export(data, f"{stem}-办理结果{suffix}", content_type)
