"""Every agency that exists already gets the default work-order categories (new ones get them
on creation)."""

from django.db import migrations

from gongkai.hotline.defaults import DEFAULT_CATEGORIES


def seed(apps, schema_editor):
    Agency = apps.get_model("agencies", "Agency")
    OrderCategory = apps.get_model("hotline", "OrderCategory")
    for agency in Agency.objects.all():
        have = set(OrderCategory.objects.filter(agency=agency).values_list("kind", flat=True))
        OrderCategory.objects.bulk_create(
            OrderCategory(
                agency=agency,
                kind=default.kind,
                limit_workdays=default.limit_workdays,
                warn_workdays=default.warn_workdays,
                max_extension_workdays=default.max_extension_workdays,
                basis=default.basis,
                unconfirmed=default.unconfirmed,
            )
            for default in DEFAULT_CATEGORIES
            if default.kind not in have
        )


class Migration(migrations.Migration):
    dependencies = [("hotline", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
