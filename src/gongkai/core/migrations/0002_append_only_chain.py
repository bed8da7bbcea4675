"""Seed the chain head and make the audit table append-only in the database itself."""

from django.db import migrations

from gongkai.core.migrations._append_only import BACKWARD, FORWARD

GENESIS_HASH = "0" * 64


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


def seed_head(apps, schema_editor):
    apps.get_model("core", "AuditChainHead").objects.get_or_create(
        pk=1, defaults={"seq": 0, "last_hash": GENESIS_HASH}
    )


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [
        migrations.RunPython(seed_head, migrations.RunPython.noop),
        migrations.RunPython(_run(FORWARD), _run(BACKWARD)),
    ]
