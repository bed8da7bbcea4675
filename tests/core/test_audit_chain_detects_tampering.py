"""`gongkai audit verify` says ok for an intact chain and names the first broken row."""

import pytest
from django.core.management import CommandError, call_command

from gongkai.agencies.models import InternalUnit
from gongkai.core.audit import verify
from gongkai.core.models import AuditEvent
from tests.core import tampering


@pytest.fixture
def chain(agency_a):
    for name in ("办公室", "财务股", "法规股", "业务股"):
        InternalUnit.objects.create(agency=agency_a, name=name)
    return list(AuditEvent.objects.order_by("seq"))


def _verify_command() -> str:
    try:
        call_command("audit", "verify")
    except CommandError as exc:
        return str(exc)
    return "ok"


def test_an_intact_chain_verifies(chain, capsys):
    call_command("audit", "verify")
    assert capsys.readouterr().out.strip() == "ok"
    assert verify().checked == len(chain)


def test_an_edited_row_is_found(chain):
    victim = chain[2]
    tampering.execute(
        "UPDATE core_auditevent SET record_label = %s WHERE id = %s", ["改过的", victim.pk]
    )
    result = verify()
    assert not result.ok and result.broken_seq == victim.seq
    assert "被修改" in result.reason
    assert f"第 {victim.seq} 条" in _verify_command()


def test_an_edit_that_also_rewrites_the_hash_breaks_the_next_link(chain):
    from gongkai.core.audit import _values_of, compute_hash

    victim = chain[2]
    victim.record_label = "改过的"
    forged = compute_hash(_values_of(victim))
    tampering.execute(
        "UPDATE core_auditevent SET record_label = %s, hash = %s WHERE id = %s",
        ["改过的", forged, victim.pk],
    )
    result = verify()
    assert not result.ok and result.broken_seq == victim.seq + 1


def test_a_deleted_row_is_found(chain):
    tampering.execute("DELETE FROM core_auditevent WHERE id = %s", [chain[3].pk])
    result = verify()
    assert not result.ok and result.broken_seq == chain[3].seq
    assert "删除" in result.reason


def test_deleting_the_newest_rows_is_found(chain):
    tampering.execute("DELETE FROM core_auditevent WHERE seq >= %s", [chain[-2].seq])
    result = verify()
    assert not result.ok and "末尾的记录被删除" in result.reason


def test_a_row_inserted_out_of_order_is_found(chain):
    # Shift the tail up by one and slip a forged row into the gap.
    tail = chain[3:]
    for event in reversed(tail):
        tampering.execute("UPDATE core_auditevent SET seq = seq + 1 WHERE id = %s", [event.pk])
    forged = chain[2]
    tampering.execute(
        "INSERT INTO core_auditevent (seq, at, actor_label, record_type, record_id, record_label,"
        " action, prev_hash, hash) VALUES (%s, %s, '伪造', 'x', '1', '', 'create', %s, %s)",
        [forged.seq + 1, forged.at, forged.hash, "f" * 64],
    )
    result = verify()
    assert not result.ok and result.broken_seq == forged.seq + 1


def test_new_rows_continue_a_verified_chain(chain, agency_a):
    InternalUnit.objects.create(agency=agency_a, name="新股室")
    assert verify().ok and verify().checked == len(chain) + 1


@pytest.mark.parametrize("forged", ["0" * 32, None], ids=["moved to another action", "blanked"])
def test_a_row_moved_out_of_its_action_is_found(chain, forged):
    victim = chain[1]
    tampering.execute(
        "UPDATE core_auditevent SET correlation_id = %s WHERE id = %s", [forged, victim.pk]
    )
    result = verify()
    assert not result.ok and result.broken_seq == victim.seq
    assert "被修改" in result.reason
