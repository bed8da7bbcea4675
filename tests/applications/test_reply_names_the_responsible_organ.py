"""A reply that the information is not this organ's to disclose (Art. 36(5)) names the organ
responsible for it and its contact; without that organ the decision is refused."""

import pytest
import time_machine
from django.urls import reverse

from gongkai.applications import letters, services
from gongkai.applications.ledger import EventKind
from gongkai.checks.extract import extract_bytes
from gongkai.lib.errors import Refused
from tests.applications.cases import d, make_case
from tests.conftest import login, make_staff

BASIS = "《中华人民共和国政府信息公开条例》第三十六条第（五）项"


def _read(field) -> str:
    with field.open("rb") as handle:
        text = extract_bytes(handle.read(), "." + field.name.rsplit(".", 1)[1])
    return "".join(text.split())


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel("2025-11-20 10:00 +0800", tick=False):
        yield


def test_the_reply_letter_names_the_organ_and_its_contact(agency_a):
    clerk = make_staff(agency_a, "clerk")
    case = make_case(agency_a, "2025-11-03", user=clerk)
    services.decide(
        case,
        on=d("2025-11-18"),
        outcome="unable_not_held",
        legal_basis=BASIS,
        reasons="低保资金发放情况由县财政局负责公开。",
        not_this_organs=True,
        responsible_organ="某某县财政局",
        responsible_contact="0000-7654321，某某县城关镇财政路8号",
        user=clerk,
    )
    letter = letters.generate(case, "reply", user=clerk)
    for text in (_read(letter.docx), _read(letter.pdf)):
        assert "不属于本机关负责公开的政府信息" in text
        assert "负责公开该政府信息的行政机关为某某县财政局" in text
        assert "联系方式：0000-7654321，某某县城关镇财政路8号" in text
        assert "第三十六条第（五）项" in text
        assert "未制作或者获取" not in text


def test_without_the_responsible_organ_the_decision_is_refused(agency_a):
    clerk = make_staff(agency_a, "clerk")
    case = make_case(agency_a, "2025-11-03", user=clerk)
    with pytest.raises(Refused, match="请写明负责公开该信息的行政机关"):
        services.decide(
            case,
            on=d("2025-11-18"),
            outcome="unable_not_held",
            legal_basis=BASIS,
            reasons="不属于本机关。",
            not_this_organs=True,
            user=clerk,
        )
    assert not case.events.filter(kind=EventKind.DECIDED).exists()


def test_another_outcome_cannot_be_marked_not_this_organs(agency_a):
    clerk = make_staff(agency_a, "clerk")
    case = make_case(agency_a, "2025-11-03", user=clerk)
    with pytest.raises(Refused, match="办理结果应选择"):
        services.decide(
            case,
            on=d("2025-11-18"),
            outcome="denied_third_party",
            legal_basis=BASIS,
            reasons="不属于本机关。",
            not_this_organs=True,
            responsible_organ="某某县财政局",
            user=clerk,
        )


def test_the_decision_form_asks_for_the_organ(agency_a):
    clerk = make_staff(agency_a, "clerk")
    case = make_case(agency_a, "2025-11-03", user=clerk)
    client = login(clerk)
    url = reverse("cases:move_decide", args=[case.pk])
    form = {
        "decide-on": "2025-11-18",
        "decide-outcome": "unable_not_held",
        "decide-legal_basis": BASIS,
        "decide-reasons": "不属于本机关。",
        "decide-not_this_organs": "on",
    }
    refused = client.post(url, form)
    assert refused.status_code == 400
    assert "请写明负责公开该信息的行政机关" in refused.content.decode()
    assert not case.events.filter(kind=EventKind.DECIDED).exists()

    assert client.post(url, form | {"decide-responsible_organ": "某某县财政局"}).status_code == 302
    decided = case.events.get(kind=EventKind.DECIDED)
    assert decided.data["responsible_organ"] == "某某县财政局"
