from django.db import migrations, models


def fill(apps, schema_editor):
    """Existing files get their name without the extension as title; an item's public version,
    and the reviewed versions before it, count as shown from the item's publication date (no
    earlier record says when each was first shown)."""
    from gongkai.catalog.attachments import title_from_name

    Attachment = apps.get_model("catalog", "Attachment")
    for attachment in Attachment.objects.only("pk", "name").iterator():
        Attachment.objects.filter(pk=attachment.pk).update(title=title_from_name(attachment.name))
    InfoItem = apps.get_model("catalog", "InfoItem")
    ItemVersion = apps.get_model("catalog", "ItemVersion")
    public = InfoItem.objects.filter(published_version__isnull=False).select_related(
        "published_version"
    )
    for item in public.iterator():
        ItemVersion.objects.filter(pk=item.published_version_id).update(
            published_at=item.published_at
        )
        ItemVersion.objects.filter(
            item_id=item.pk,
            number__lt=item.published_version.number,
            approved_at__isnull=False,
        ).update(published_at=models.F("approved_at"))


class Migration(migrations.Migration):
    dependencies = [("catalog", "0003_agency_guide")]

    operations = [
        migrations.AddField(
            model_name="attachment",
            name="title",
            field=models.CharField(default="", max_length=200, verbose_name="附件标题"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="itemversion",
            name="published_at",
            field=models.DateTimeField(
                blank=True, editable=False, null=True, verbose_name="公开时间"
            ),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
