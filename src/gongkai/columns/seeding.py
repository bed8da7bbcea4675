"""Every agency has the default columns from its creation on; an agency edits its own."""

from gongkai.agencies.models import Agency
from gongkai.catalog.models import Genre

from .kinds import DEFAULT_COLUMNS, default_cycle
from .models import Column


def ensure_default_columns(agency: Agency) -> list[Column]:
    """Create the default columns the agency lacks (by name); existing ones stay as they are."""
    have = set(agency.columns.values_list("name", flat=True))
    created = []
    for default in DEFAULT_COLUMNS:
        if default.name in have:
            continue
        column = Column.objects.create(
            agency=agency,
            name=default.name,
            kind=default.kind,
            update_cycle=default_cycle(default.kind),
        )
        column.genres.set(Genre.objects.filter(name__in=default.genres))
        created.append(column)
    return created
