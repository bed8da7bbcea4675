"""Every agency that exists already gets the default channels (new ones get them on creation)."""

from django.db import migrations

from gongkai.engagement.defaults import DEFAULT_CHANNELS


def seed(apps, schema_editor):
    Agency = apps.get_model("agencies", "Agency")
    Channel = apps.get_model("engagement", "Channel")
    for agency in Agency.objects.all():
        have = set(Channel.objects.filter(agency=agency).values_list("kind", flat=True))
        Channel.objects.bulk_create(
            Channel(
                agency=agency,
                kind=default.kind,
                reply_workdays=default.reply_workdays,
                complex_workdays=default.complex_workdays,
                warn_workdays=default.warn_workdays,
                max_extension_workdays=default.max_extension_workdays,
                publish_by_default=default.publish_by_default,
                anonymous_allowed=default.anonymous_allowed,
            )
            for default in DEFAULT_CHANNELS
            if default.kind not in have
        )


class Migration(migrations.Migration):
    dependencies = [("engagement", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
