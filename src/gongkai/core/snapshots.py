"""A record's audited field values as JSON-ready data: what the audit trail stores as
before/after, and what an audited model remembers when it is loaded."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models


def plain(value):
    """JSON-ready value that reads back from a JSONField unchanged."""
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False))


def snapshot(instance: models.Model) -> dict:
    """The audited field values of a record, keyed by column attribute name.

    Deferred fields are left out: reading them would query the database (and, from
    `from_db`, recurse).
    """
    exclude = getattr(instance, "audit_exclude", frozenset())
    deferred = instance.get_deferred_fields()
    data = {}
    for field in instance._meta.concrete_fields:
        if field.name in exclude or field.attname in deferred:
            continue
        data[field.attname] = field.value_from_object(instance)
    return plain(data)
