"""Raw SQL that goes around the audit table's append-only triggers, as an attacker with
database access would."""

from contextlib import contextmanager

from django.db import connection

from gongkai.core.migrations import _append_only


@contextmanager
def triggers_off():
    with connection.cursor() as cursor:
        for sql in _append_only.BACKWARD[connection.vendor]:
            cursor.execute(sql)
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            for sql in _append_only.FORWARD[connection.vendor]:
                cursor.execute(sql)


def execute(sql: str, params=()) -> None:
    with triggers_off(), connection.cursor() as cursor:
        cursor.execute(sql, params)
