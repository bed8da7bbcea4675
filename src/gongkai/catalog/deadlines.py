"""The period for publishing proactively disclosed information (Art. 26)."""

from datetime import date

from gongkai.calendar.workdays import add_workdays

PROACTIVE_PUBLICATION_WORKDAYS = 20  # Art. 26: publish within 20 working days


def proactive_publication_due(formed_or_changed: date) -> date:
    """Last day to publish proactively disclosed information (Art. 26: 20 working days from
    the day it was formed or changed)."""
    return add_workdays(formed_or_changed, PROACTIVE_PUBLICATION_WORKDAYS)
