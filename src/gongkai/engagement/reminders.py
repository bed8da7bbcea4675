"""The e-mail before a message falls due: when an open message comes within its channel's
warning threshold (working days before the deadline), its handler is told once. `gongkai tick`
runs it every day; a second run the same day, or any later day, sends nothing again for it."""

from datetime import date

from django.db import transaction
from django.db.models import QuerySet

from gongkai.calendar.schedules import CalendarUnknown
from gongkai.calendar.workdays import add_workdays
from gongkai.core.audit import record_transition

from . import notify
from .models import Channel, Message


def due_soon(today: date) -> QuerySet:
    """Open messages not yet warned whose deadline is from today to their channel's warning
    threshold ahead (one range per threshold in use; a county has a handful)."""
    found = Message.objects.none()
    thresholds = Channel.objects.values_list("warn_workdays", flat=True).distinct()
    for workdays in sorted(set(thresholds)):
        try:
            last = add_workdays(today, workdays)
        except CalendarUnknown:
            last = today
        found = found | Message.objects.open().filter(
            channel__warn_workdays=workdays,
            due_warning_sent_on__isnull=True,
            due_on__gte=today,
            due_on__lte=last,
        )
    return found


def send_due_warnings(today: date, base_url: str | None = None) -> int:
    """Warn the handler of each message coming due; the number of messages warned."""
    sent = 0
    candidates = due_soon(today).select_related("agency", "channel", "handler")
    for message in candidates.order_by("due_on", "pk"):
        with transaction.atomic():
            # Claimed first: two runs at once cannot both warn the same message.
            claimed = Message.objects.filter(
                pk=message.pk, due_warning_sent_on__isnull=True
            ).update(due_warning_sent_on=today)
            if not claimed:
                continue
            recipients = notify.due_soon(message, base_url)
            record_transition(
                message, "warn_due", due_on=str(message.due_on), to=", ".join(recipients)
            )
        sent += 1
    return sent
