"""The column state's Chinese label for the workbench list, and an agency's columns with their
last update for the portal's disclosure page (which lives in the catalog, below this app)."""

from django import template
from django.utils import timezone

from gongkai.columns.models import Column
from gongkai.columns.states import ColumnState, with_state

register = template.Library()


@register.filter
def column_state_label(state: str) -> str:
    return ColumnState(state).label


@register.inclusion_tag("columns/public_columns.html")
def agency_columns(agency):
    columns = Column.objects.filter(agency=agency, is_active=True).order_by("id")
    return {"columns": with_state(columns, timezone.localdate()), "agency": agency}
