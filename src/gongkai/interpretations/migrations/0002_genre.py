"""The 体裁 政策解读 that every interpretation's catalog item carries."""

from django.db import migrations

from gongkai.interpretations.elements import GENRE


def load(apps, schema_editor):
    apps.get_model("catalog", "Genre").objects.get_or_create(
        name=GENRE, defaults={"sort_order": 200}
    )


class Migration(migrations.Migration):
    dependencies = [("interpretations", "0001_initial"), ("catalog", "0002_taxonomy")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
