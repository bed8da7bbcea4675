"""Rows of the 12345 hotline owned by an agency, for the cross-agency isolation walk."""

from gongkai.hotline.calls import CallImporter
from gongkai.hotline.importer import Importer
from gongkai.hotline.models import Call, ImportBatch, OrderCategory, WorkOrder
from tests.conftest import make_staff
from tests.hotline.makers import CALL_HEADERS, call_row, csv_bytes, make_order, rows


def work_order(agency, marker: str) -> WorkOrder:
    return make_order(agency, f"ISO-{agency.pk}", subject=marker, content=f"{marker}的诉求内容")


def work_order_payload(agency, marker: str) -> dict:
    return {
        "transition": "request_return",
        "fields": {"reason": marker},
        "request_return-reason": marker,
        "agency": agency.pk,
        "number": f"X-{marker}",
        "kind": "consult",
        "content": marker,
        "dispatched_at": "2026-11-30T09:00:00+08:00",
    }


def batch(agency, marker: str) -> ImportBatch:
    table = rows(1, start=90)
    table[0][2] = marker
    user = make_staff(agency, "clerk")
    return Importer(user=user, agency=agency).run(csv_bytes(table), f"{marker}.csv").batch


def category(agency, marker: str) -> OrderCategory:
    return OrderCategory.objects.get(agency=agency, kind="consult")


def category_payload(agency, marker: str) -> dict:
    return {"limit_workdays": 1, "warn_workdays": 1, "max_extension_workdays": 1, "basis": marker}


def call(agency, marker: str) -> Call:
    """A missed call from a number carrying no marker; the marker stands in its note."""
    user = make_staff(agency, "clerk")
    table = [call_row(f"CALL-{agency.pk}", "2026-11-30 09:00:00", wait=None)]
    CallImporter(user=user, agency=agency).run(csv_bytes(table, CALL_HEADERS), "calls.csv")
    found = Call.objects.get(agency=agency, call_id=f"CALL-{agency.pk}")
    found.agent = marker[:40]
    found.save()
    return found


def call_payload(agency, marker: str) -> dict:
    return {
        "transition": "call_back",
        "fields": {"reached": "yes", "note": marker},
        "call_back-reached": "yes",
        "call_back-note": marker,
        "agency": agency.pk,
    }
