"""The indicator systems shipped as data files, stored active and ownerless."""

from django.db import migrations


def install(apps, schema_editor):
    from gongkai.oversight.standing import install_shipped

    install_shipped(apps.get_model("oversight", "IndicatorSystem"))


class Migration(migrations.Migration):
    dependencies = [("oversight", "0001_initial")]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
