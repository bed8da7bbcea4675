"""A message in the Open311 GeoReport v2 request shape, plus the fields this platform adds.

Open311 names a request's id, status (open / closed), notes, the agency responsible and its
times (engagement-and-oversight.md §2). The look-up code is the writer's key and is never
exported; the text is exported only as its public copy, once published.
"""

from datetime import date, datetime, time

from django.utils import timezone

from .models import OPEN_STATUSES, Message


def _at(day: date | None) -> str | None:
    if day is None:
        return None
    return timezone.make_aware(datetime.combine(day, time(17, 0))).isoformat()


def request(message: Message, today: date) -> dict:
    published = message.publish_consent and message.publish_reply and bool(message.replied_on)
    updated = message.closed_on or message.replied_on or message.accepted_on
    return {
        "service_request_id": str(message.pk),
        "status": "open" if message.status in OPEN_STATUSES else "closed",
        "status_notes": message.refusal_reason or message.public_status,
        "service_code": message.channel.kind,
        "service_name": message.get_kind_display(),
        "description": message.public_text if published else "",
        "agency_responsible": message.reply_unit or message.agency.name,
        "requested_datetime": timezone.localtime(message.created_at).isoformat(),
        "updated_datetime": _at(updated) if updated else None,
        "expected_datetime": _at(message.due_on) if message.is_open else None,
        # Our own fields.
        "agency_code": message.agency.credit_code,
        "gongkai_status": message.status,
        "source": message.source,
        "received_on": message.received_on.isoformat(),
        "replied_on": message.replied_on.isoformat() if message.replied_on else None,
        "due_on": message.due_on.isoformat() if message.due_on else None,
        "overdue": bool(message.is_open and message.due_on and message.due_on < today),
        "published": published,
        "public_reply": message.public_reply if published else "",
    }
