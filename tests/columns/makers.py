"""Columns and the published items that feed them, dated as a test needs."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from gongkai.catalog.models import Genre, InfoItem
from gongkai.columns.kinds import default_cycle
from gongkai.columns.models import Column
from tests.catalog.makers import Team, make_item


def make_column(agency, name: str, kind: str = "news", genre: str = "", **extra) -> Column:
    column = Column.objects.create(
        agency=agency, name=name, kind=kind, update_cycle=default_cycle(kind), **extra
    )
    if genre:
        column.genres.add(Genre.objects.get(name=genre))
    return column


def publish_on(team: Team, genre: str, day, **extra) -> InfoItem:
    """A public item of `genre` whose first publication is dated `day` (09:00 Beijing)."""
    genre = Genre.objects.get(name=genre)
    item = team.publish(make_item(team.agency, team.clerk, genre=genre, **extra))
    when = timezone.make_aware(datetime.combine(day, time(9)))
    InfoItem.objects.filter(pk=item.pk).update(first_published_at=when, published_at=when)
    return item


def days_ago(today, days: int):
    return today - timedelta(days=days)
