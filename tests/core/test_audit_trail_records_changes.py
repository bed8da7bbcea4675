"""Every create, change, delete and named transition of a domain record lands in the trail."""

import pytest
from django.db import DatabaseError, transaction

from gongkai.agencies.models import InternalUnit
from gongkai.core.actor import Actor, acting_as
from gongkai.core.audit import record_transition, verify
from gongkai.core.models import AuditEvent
from tests.conftest import make_staff


def _events_for(instance):
    return AuditEvent.objects.filter(
        record_type=instance._meta.label_lower, record_id=str(instance.pk)
    ).order_by("seq")


def test_create_change_delete_are_recorded_with_actor_and_before_after(agency_a):
    clerk = make_staff(agency_a, "agency_admin", full_name="张三")
    with acting_as(Actor(clerk.pk, "张三（zhangsan）")):
        unit = InternalUnit.objects.create(agency=agency_a, name="办公室")
        unit = InternalUnit.objects.get(pk=unit.pk)
        unit.name = "综合股"
        unit.save()
        unit.save()  # no change: nothing recorded
        unit_id = unit.pk
        unit.delete()

    events = list(
        AuditEvent.objects.filter(
            record_type="agencies.internalunit", record_id=str(unit_id)
        ).order_by("seq")
    )
    assert [e.action for e in events] == ["create", "change", "delete"]
    create, change, delete = events
    assert create.after["name"] == "办公室" and create.before is None
    assert change.before == {"name": "办公室"} and change.after == {"name": "综合股"}
    assert delete.before["name"] == "综合股" and delete.after is None
    assert all(e.actor_id == clerk.pk and e.actor_label == "张三（zhangsan）" for e in events)
    assert all(e.agency_id == agency_a.pk for e in events)


def test_changes_outside_a_request_are_attributed_to_the_system(agency_a):
    unit = InternalUnit.objects.create(agency=agency_a, name="办公室")
    event = _events_for(unit).get()
    assert event.actor_id is None and event.actor_label == "系统"


def test_named_transitions_are_recorded(agency_a):
    record_transition(agency_a, "suspend", reason="机构改革")
    event = _events_for(agency_a).last()
    assert event.action == "suspend" and event.after == {"reason": "机构改革"}


def test_secrets_never_reach_the_trail(agency_a):
    user = make_staff(agency_a, "clerk")
    for event in _events_for(user):
        assert "password" not in (event.after or {})


def test_rows_cannot_be_changed_or_deleted_through_the_orm(agency_a):
    event = AuditEvent.objects.first()
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.filter(pk=event.pk).update(action="x")
    with pytest.raises(PermissionError):
        AuditEvent.objects.all().delete()


def test_the_database_itself_refuses_updates_and_deletes(agency_a):
    from django.db import connection

    event = AuditEvent.objects.first()
    for sql in (
        "UPDATE core_auditevent SET action = 'x' WHERE id = %s",
        "DELETE FROM core_auditevent WHERE id = %s",
    ):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as c:
            c.execute(sql, [event.pk])
    assert verify().ok


def test_a_failed_change_leaves_no_audit_row(agency_a):
    before = AuditEvent.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        InternalUnit.objects.create(agency=agency_a, name="临时股")
        raise RuntimeError("rolled back")
    assert AuditEvent.objects.count() == before
    assert verify().ok
