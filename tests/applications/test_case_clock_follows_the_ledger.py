"""A case's status and reply deadline are the replay of its dated events (Art. 30, 32–33)."""

import time_machine

from gongkai.applications import services
from gongkai.applications.ledger import Status
from tests.applications.cases import d, make_case
from tests.conftest import make_staff


@time_machine.travel("2025-12-15 10:00 +0800")
def test_received_over_national_day_is_due_on_the_20th_working_day(agency_a):
    case = make_case(agency_a, "2025-09-26")
    assert case.status == Status.IN_PROGRESS
    assert case.due_date == d("2025-10-30")  # 9-28 and 10-11 are make-up working days


@time_machine.travel("2025-12-15 10:00 +0800")
def test_correction_restarts_then_consultation_pauses_then_extension_adds(agency_a):
    clerk = make_staff(agency_a, "clerk")
    leader = make_staff(agency_a, "leader")
    case = make_case(agency_a, "2025-09-26", user=clerk)

    services.request_correction(
        case, on=d("2025-09-29"), deadline=d("2025-10-20"), items="请写明文件名称", user=clerk
    )
    case.refresh_from_db()
    assert case.status == Status.AWAITING_CORRECTION
    assert case.due_date is None
    assert case.due_display == "待补正，补正后重新计算"

    services.receive_correction(case, on=d("2025-10-09"), user=clerk)
    case.refresh_from_db()
    assert case.due_date == d("2025-11-05")  # 20 working days from the 补正

    services.start_consultation(
        case, on=d("2025-10-13"), party="某某公司", party_kind="third_party", user=clerk
    )
    case.refresh_from_db()
    assert case.status == Status.CONSULTING and case.is_paused and case.due_date is None

    services.end_consultation(case, on=d("2025-10-20"), answer="不同意公开", user=clerk)
    case.refresh_from_db()
    # 10-14 … 10-20 are five working days not counted.
    assert case.due_date == d("2025-11-12")

    services.request_extension(case, on=d("2025-11-03"), workdays=10, reason="涉及面广", user=clerk)
    case.refresh_from_db()
    assert case.due_date == d("2025-11-12")  # not before the approval
    services.approve_extension(case, on=d("2025-11-04"), user=leader)
    case.refresh_from_db()
    assert case.due_date == d("2025-11-26")


@time_machine.travel("2025-12-15 10:00 +0800")
def test_fee_window_pauses_and_payment_resumes(agency_a):
    clerk = make_staff(agency_a, "clerk")
    case = make_case(agency_a, "2025-11-03", user=clerk)
    assert case.due_date == d("2025-12-01")
    services.assess_fee(case, on=d("2025-11-10"), method="per_page", pages=120, user=clerk)
    case.refresh_from_db()
    assert case.status == Status.AWAITING_FEE and case.due_date is None
    services.fee_paid(case, on=d("2025-11-14"), user=clerk)
    case.refresh_from_db()
    assert case.status == Status.IN_PROGRESS
    assert case.due_date == d("2025-12-05")  # four working days (11-11 … 11-14) not counted


@time_machine.travel("2025-12-15 10:00 +0800")
def test_refresh_from_events_repairs_a_tampered_cache(agency_a):
    case = make_case(agency_a, "2025-09-26")
    type(case).objects.filter(pk=case.pk).update(due_date=d("2030-01-01"), status="closed")
    case.refresh_from_db()
    assert services.refresh(case) is True
    assert case.due_date == d("2025-10-30") and case.status == Status.IN_PROGRESS
