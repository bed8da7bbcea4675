"""Load the default 主题分类 tree and 体裁 list; agencies edit them as data afterwards."""

from django.db import migrations

from gongkai.catalog.taxonomy import load_defaults


def load(apps, schema_editor):
    load_defaults(apps.get_model("catalog", "Topic"), apps.get_model("catalog", "Genre"))


def unload(apps, schema_editor):
    apps.get_model("catalog", "ItemVersion").objects.update(topic=None, genre=None)
    apps.get_model("catalog", "Topic").objects.filter(parent__isnull=False).delete()
    apps.get_model("catalog", "Topic").objects.all().delete()
    apps.get_model("catalog", "Genre").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("catalog", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
