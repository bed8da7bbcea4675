"""Every agency that exists already gets the default columns (new ones get them on creation)."""

from django.db import migrations

from gongkai.columns.kinds import DEFAULT_COLUMNS, default_cycle


def seed(apps, schema_editor):
    Agency = apps.get_model("agencies", "Agency")
    Column = apps.get_model("columns", "Column")
    Genre = apps.get_model("catalog", "Genre")
    for agency in Agency.objects.all():
        have = set(Column.objects.filter(agency=agency).values_list("name", flat=True))
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


class Migration(migrations.Migration):
    dependencies = [("columns", "0001_initial"), ("catalog", "0002_taxonomy")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
