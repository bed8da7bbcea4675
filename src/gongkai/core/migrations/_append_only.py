"""SQL that makes the audit table append-only, per database vendor (used by migration 0002).

Every statement may run again on a database that already has the triggers.
"""

MESSAGE = "审计日志只能追加，不能修改或删除"

FORWARD = {
    "sqlite": [
        f"""CREATE TRIGGER IF NOT EXISTS core_auditevent_no_update BEFORE UPDATE ON core_auditevent
            BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
        f"""CREATE TRIGGER IF NOT EXISTS core_auditevent_no_delete BEFORE DELETE ON core_auditevent
            BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
    ],
    "postgresql": [
        f"""CREATE OR REPLACE FUNCTION core_auditevent_append_only() RETURNS trigger AS $$
            BEGIN RAISE EXCEPTION '{MESSAGE}'; END; $$ LANGUAGE plpgsql""",
        """CREATE OR REPLACE TRIGGER core_auditevent_append_only BEFORE UPDATE OR DELETE OR TRUNCATE
            ON core_auditevent FOR EACH STATEMENT EXECUTE FUNCTION core_auditevent_append_only()""",
    ],
}
BACKWARD = {
    "sqlite": [
        "DROP TRIGGER IF EXISTS core_auditevent_no_update",
        "DROP TRIGGER IF EXISTS core_auditevent_no_delete",
    ],
    "postgresql": [
        "DROP TRIGGER IF EXISTS core_auditevent_append_only ON core_auditevent",
        "DROP FUNCTION IF EXISTS core_auditevent_append_only()",
    ],
}
