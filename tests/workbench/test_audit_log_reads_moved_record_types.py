"""Audit rows written before the holiday schedules moved to the calendar app keep their old
record type; the audit log still names them in Chinese."""

from gongkai.workbench.audit_display import field_label, record_type_label


def test_rows_of_a_moved_model_read_as_before():
    assert record_type_label("core.holidayschedule") == "节假日安排"
    assert record_type_label("calendar.holidayschedule") == "节假日安排"
    assert field_label("core.holidayscheduleday", "kind") == "类型"
