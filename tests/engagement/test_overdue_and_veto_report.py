"""`gongkai engagement overdue --json` lists the open messages past their limit in the Open311
shape; `gongkai engagement veto` names, per agency, the valid questions left unanswered for more
than three months (国办秘函〔2019〕19号) and exits 1 while there are any."""

import json
from datetime import date

import pytest
from django.core.management import call_command

from gongkai.engagement import services
from gongkai.engagement.models import Message
from gongkai.engagement.oversight import months_before, veto
from tests.applications.cases import d
from tests.conftest import make_staff
from tests.engagement.makers import make_message

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("day", "before"),
    [
        (date(2026, 12, 1), date(2026, 9, 1)),
        (date(2026, 5, 31), date(2026, 2, 28)),
        (date(2027, 1, 15), date(2026, 10, 15)),
    ],
)
def test_three_months_before(day, before):
    assert months_before(day, 3) == before


def test_overdue_json(agency_a, capsys):
    late = make_message(agency_a, received_on=d("2026-11-20"), subject="低保材料")
    make_message(agency_a, received_on=d("2026-11-30"))  # due 2026-12-03
    call_command("engagement", "overdue", "--json")
    rows = json.loads(capsys.readouterr().out)
    assert [row["service_request_id"] for row in rows] == [str(late.pk)]
    row = rows[0]
    assert row["status"] == "open" and row["overdue"] is True
    assert row["due_on"] == "2026-11-25" and row["agency_responsible"] == agency_a.name
    assert row["service_code"] == "question" and row["service_name"] == "咨询"
    assert late.lookup_code not in json.dumps(rows)


def test_veto_names_the_agency_with_an_old_unanswered_question(agency_a, agency_b, capsys):
    clerk = make_staff(agency_a, "clerk")
    old = make_message(agency_a, received_on=d("2026-08-20"), subject="三个月前的咨询")
    answered = make_message(agency_a, received_on=d("2026-08-20"))
    answered = services.accept(answered, complex_case=False, user=clerk)
    services.reply(answered, text="已答复。", user=clerk)
    refused = make_message(agency_a, received_on=d("2026-08-20"))
    services.refuse(refused, reason="重复留言", user=clerk)
    make_message(agency_a, kind="complaint", received_on=d("2026-08-20"))  # not a question
    make_message(agency_b, received_on=d("2026-09-02"))  # less than three months
    assert veto(Message.objects.all(), date(2026, 12, 1)) == {agency_a: [old]}

    with pytest.raises(SystemExit) as exit_code:
        call_command("engagement", "veto")
    assert exit_code.value.code == 1
    out = capsys.readouterr().out
    assert f"✗ {agency_a.name}：1 件咨询收到超过三个月仍未答复" in out and "三个月前的咨询" in out
