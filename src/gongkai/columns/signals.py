"""A new agency gets the default columns in the same transaction that creates it."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from gongkai.agencies.models import Agency

from .seeding import ensure_default_columns


@receiver(post_save, sender=Agency, dispatch_uid="columns.default_columns")
def _seed_columns(sender, instance: Agency, created: bool, raw: bool = False, **kwargs) -> None:
    if created and not raw:
        ensure_default_columns(instance)
