"""按件计收 counts the n-th application of the same applicant to the same agency in one
calendar month from the cases themselves (国办函〔2020〕109号); nobody types it."""

from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from gongkai.applications import identity, services
from gongkai.applications.ledger import EventKind
from gongkai.applications.outcomes import ApplicantCategory
from gongkai.lib.errors import Refused
from tests.applications.cases import d, make_case
from tests.conftest import credit_code, login, make_staff

OTHER17 = "11010519800101003"
OTHER_ID = OTHER17 + identity.resident_id_check_character(OTHER17)


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel("2025-12-10 10:00 +0800", tick=False):
        yield


def test_three_in_a_month_and_one_in_the_next(agency_a, agency_b):
    clerk = make_staff(agency_a, "clerk")
    third = make_case(agency_a, "2025-11-20", user=clerk)
    first = make_case(agency_a, "2025-11-03", user=clerk)
    second = make_case(agency_a, "2025-11-03", user=clerk)
    december = make_case(agency_a, "2025-12-01", user=clerk)
    # Not the same applicant, or not the same agency: not counted.
    make_case(agency_a, "2025-11-01", user=clerk, id_number=OTHER_ID)
    make_case(agency_b, "2025-11-01")

    ranks = [services.rank_in_month(c) for c in (first, second, third, december)]
    assert ranks == [1, 2, 3, 1]


def test_the_same_name_with_another_id_number_is_another_applicant(agency_a):
    make_case(agency_a, "2025-11-03", applicant_name="张三", id_number=OTHER_ID)
    case = make_case(agency_a, "2025-11-04", applicant_name="张三")
    assert services.rank_in_month(case) == 1


def test_organisations_are_counted_by_credit_code(agency_a):
    code = credit_code()
    organisation = {
        "applicant_category": ApplicantCategory.COMMERCIAL,
        "applicant_name": "某某有限公司",
        "id_type": "",
        "id_number": "",
        "credit_code": code,
        "legal_representative": "李四",
    }
    make_case(agency_a, "2025-11-03", **organisation)
    renamed = make_case(agency_a, "2025-11-05", **(organisation | {"applicant_name": "某某公司"}))
    assert services.rank_in_month(renamed) == 2


def test_the_eleventh_application_in_a_month_is_charged_by_its_counted_rank(agency_a):
    clerk = make_staff(agency_a, "clerk")
    cases = [make_case(agency_a, d(f"2025-11-{day:02d}"), user=clerk) for day in range(3, 14)]
    services.assess_fee(cases[0], on=d("2025-12-01"), method="per_item", user=clerk)
    event = services.assess_fee(cases[10], on=d("2025-12-01"), method="per_item", user=clerk)

    assert cases[0].events.get(kind=EventKind.FEE_WAIVED).data["count"] == 1
    assert event.kind == EventKind.FEE_NOTICE
    assert event.data["count"] == 11
    assert Decimal(event.data["amount"]) == Decimal("100.00")


def test_per_page_needs_the_pages(agency_a):
    clerk = make_staff(agency_a, "clerk")
    case = make_case(agency_a, "2025-12-01", user=clerk)
    with pytest.raises(Refused, match="请填写页数"):
        services.assess_fee(case, on=d("2025-12-02"), method="per_page", user=clerk)
    assert not case.events.filter(kind__in=[EventKind.FEE_NOTICE, EventKind.FEE_WAIVED]).exists()


def test_the_fee_form_shows_the_rank_and_does_not_ask_for_it(agency_a):
    clerk = make_staff(agency_a, "clerk")
    make_case(agency_a, "2025-11-03", user=clerk)
    case = make_case(agency_a, "2025-11-04", user=clerk)
    client = login(clerk)

    page = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "本申请是该申请人2025年11月向本机关提出的第2件申请" in page
    assert "当月第几件" not in page
    assert 'name="fee-count"' not in page

    response = client.post(
        reverse("cases:move_fee", args=[case.pk]),
        {"fee-on": "2025-12-01", "fee-method": "per_item"},
    )
    assert response.status_code == 302
    assert case.events.get(kind=EventKind.FEE_WAIVED).data["count"] == 2
