"""Every audit row one action writes (a request, an API call, a command, a transition) carries
the same correlation id; two actions never share one."""

import csv
import io

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token

from gongkai.agencies.models import InternalUnit
from gongkai.core.actor import Actor, acting_as
from gongkai.core.models import AuditEvent
from gongkai.lib import correlation
from tests.conftest import login, make_staff


def _rows_after(seq: int) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(seq__gt=seq).order_by("seq"))


def _last_seq() -> int:
    return AuditEvent.objects.order_by("-seq").values_list("seq", flat=True).first() or 0


def _edit_staff(client: Client, staff, **fields) -> None:
    data = {"full_name": staff.full_name, "roles": ["clerk"], "is_active": "on"} | fields
    response = client.post(reverse("workbench:staff_edit", args=[staff.pk]), data)
    assert response.status_code == 302, response.content[:300]


def test_one_workbench_action_writes_rows_under_one_id_and_the_next_action_another(agency_a):
    admin = make_staff(agency_a, "agency_admin")
    clerk = make_staff(agency_a, "clerk")
    client = login(admin)

    start = _last_seq()
    # A new name, a role replaced and the account switched off: several rows, one action.
    _edit_staff(client, clerk, full_name="新名字", roles=["reviewer"], is_active="")
    first = _rows_after(start)
    assert len(first) >= 4
    assert {e.action for e in first} >= {"create", "delete", "change", "deactivate"}
    assert len({e.correlation_id for e in first}) == 1

    middle = _last_seq()
    _edit_staff(client, clerk, full_name="又改名", roles=["reviewer"], is_active="")
    second = _rows_after(middle)
    assert second and len({e.correlation_id for e in second}) == 1
    assert second[0].correlation_id != first[0].correlation_id


def test_one_api_call_writes_rows_under_one_id(agency_a):
    admin = make_staff(agency_a, "agency_admin")
    client = Client(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=admin).key}")
    start = _last_seq()
    response = client.post(
        "/api/staff/units/",
        {"agency": agency_a.pk, "name": "法规股"},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    unit_rows = _rows_after(start)
    assert unit_rows and all(e.actor_id == admin.pk for e in unit_rows)

    again = _last_seq()
    response = client.patch(
        f"/api/staff/units/{response.json()['id']}/",
        {"name": "政策法规股"},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    (rename,) = _rows_after(again)
    assert rename.correlation_id != unit_rows[0].correlation_id


def test_a_command_run_is_one_action_and_rows_outside_any_action_are_their_own(agency_a):
    with acting_as(Actor(None, "命令行")):
        InternalUnit.objects.create(agency=agency_a, name="办公室")
        InternalUnit.objects.create(agency=agency_a, name="财务股")
    in_command = list(AuditEvent.objects.filter(actor_label="命令行"))
    assert len(in_command) == 2 and len({e.correlation_id for e in in_command}) == 1

    start = _last_seq()
    InternalUnit.objects.create(agency=agency_a, name="法规股")
    InternalUnit.objects.create(agency=agency_a, name="业务股")
    alone = _rows_after(start)
    assert len(alone) == 2 and len({e.correlation_id for e in alone}) == 2
    assert None not in {e.correlation_id for e in alone}


def test_a_transition_joins_the_action_around_it_or_is_one_of_its_own():
    with correlation.one_action() as outer:
        with correlation.one_action() as inner:
            assert inner == outer
        with correlation.new_action() as request:
            assert request != outer
        assert correlation.current() == outer
    with correlation.one_action() as alone:
        assert alone != outer
    assert correlation.current() is None


def test_the_audit_log_shows_the_rows_of_the_same_action_and_exports_them(agency_a):
    admin = make_staff(agency_a, "agency_admin")
    clerk = make_staff(agency_a, "clerk", full_name="待改名")
    client = login(admin)
    start = _last_seq()
    _edit_staff(client, clerk, full_name="新名字", roles=["reviewer"], is_active="")
    action = _rows_after(start)
    correlation_id = action[0].correlation_id
    InternalUnit.objects.create(agency=agency_a, name="另一操作股")

    page = client.get(reverse("workbench:audit_log")).content.decode()
    assert f'href="?correlation={correlation_id}"' in page
    assert f"同一操作（{len(action)} 条）" in page

    grouped = client.get(reverse("workbench:audit_log"), {"correlation": correlation_id})
    shown = [row["event"] for row in grouped.context["rows"]]
    assert sorted(e.seq for e in shown) == [e.seq for e in action]
    assert "另一操作股" not in grouped.content.decode()

    bad = client.get(reverse("workbench:audit_log"), {"correlation": "不是编号"})
    assert "操作编号应为32位十六进制数字" in bad.content.decode()

    export = client.get(reverse("workbench:audit_export"), {"correlation": correlation_id})
    lines = list(csv.DictReader(io.StringIO(export.content.decode("utf-8-sig"))))
    assert {line["操作编号"] for line in lines} == {correlation_id}
    assert sorted(int(line["序号"]) for line in lines) == [e.seq for e in action]
    assert any(line["操作"] == "停用账号" for line in lines)

    api = client.get("/api/staff/audit-events/", {"correlation_id": correlation_id}).json()
    results = api["results"] if isinstance(api, dict) else api
    assert {r["correlation_id"] for r in results} == {correlation_id}
    assert len(results) == len(action)
    assert get_user_model().objects.get(pk=clerk.pk).full_name == "新名字"
