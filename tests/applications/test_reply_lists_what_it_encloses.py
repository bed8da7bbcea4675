"""A reply that discloses lists what it sends: the titles entered with the decision, printed as
«附件：1. …  2. …»; a reply that discloses nothing encloses nothing."""

import time_machine
from django.urls import reverse

from gongkai.applications import letters
from gongkai.applications.ledger import EventKind
from tests.applications.cases import make_case
from tests.conftest import login, make_staff

BASIS = "《中华人民共和国政府信息公开条例》第三十七条"


def _decide(client, case, **fields):
    url = reverse("cases:move_decide", args=[case.pk])
    form = {
        "decide-on": "2025-11-18",
        "decide-outcome": "partial",
        "decide-legal_basis": BASIS,
        "decide-reasons": "其中涉及个人隐私的内容不予公开。",
    }
    return client.post(url, form | {f"decide-{k}": v for k, v in fields.items()})


@time_machine.travel("2025-11-20 10:00 +0800")
def test_a_partial_reply_prints_its_enclosures(agency_a):
    clerk = make_staff(agency_a, "clerk")
    case = make_case(agency_a, "2025-11-03", user=clerk)
    client = login(clerk)
    page = client.get(reverse("cases:move_decide", args=[case.pk])).content.decode()
    assert "随答复提供的信息（附件）" in page

    titles = "2024年低保资金发放明细（已删除个人隐私部分）。\n\n  低保审批流程图  \n"
    assert _decide(client, case, enclosures=titles).status_code == 302
    decided = case.events.get(kind=EventKind.DECIDED)
    assert decided.data["enclosures"] == [
        "2024年低保资金发放明细（已删除个人隐私部分）。",
        "低保审批流程图",
    ]
    text = letters.generate(case, "reply", user=clerk).text
    assert "附件：1. 2024年低保资金发放明细（已删除个人隐私部分）\n2. 低保审批流程图\n" in text
    assert "其中涉及个人隐私的内容不予公开" in text


@time_machine.travel("2025-11-20 10:00 +0800")
def test_a_single_enclosure_is_not_numbered_and_a_reply_without_any_has_no_line(agency_a):
    clerk = make_staff(agency_a, "clerk")
    client = login(clerk)
    one, none = (make_case(agency_a, "2025-11-03", user=clerk) for _ in range(2))
    assert _decide(client, one, enclosures="低保审批流程图").status_code == 302
    assert "\n附件：低保审批流程图\n" in letters.generate(one, "reply", user=clerk).text
    assert _decide(client, none).status_code == 302
    assert "附件" not in letters.generate(none, "reply", user=clerk).text


@time_machine.travel("2025-11-20 10:00 +0800")
def test_a_denial_encloses_nothing(agency_a):
    clerk = make_staff(agency_a, "clerk")
    case = make_case(agency_a, "2025-11-03", user=clerk)
    refused = _decide(login(clerk), case, outcome="denied_third_party", enclosures="低保审批流程图")
    assert refused.status_code == 400
    assert "只有予以公开或部分公开的答复才随答复提供信息" in refused.content.decode()
    assert not case.events.filter(kind=EventKind.DECIDED).exists()
