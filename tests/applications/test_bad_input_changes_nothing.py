"""Bad input is refused with a clear Chinese message, and the case stays exactly as it was."""

import pytest
import time_machine

from gongkai.applications import services
from gongkai.applications.models import Application, CaseEvent
from gongkai.core.models import AuditEvent
from gongkai.lib.errors import Refused
from tests.applications.cases import RESIDENT_ID, d, make_case, person_intake
from tests.conftest import make_staff


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel("2025-11-20 10:00 +0800", tick=False):
        yield


def _refused(call, match: str):
    events, audits = CaseEvent.objects.count(), AuditEvent.objects.count()
    with pytest.raises(Refused, match=match):
        call()
    assert CaseEvent.objects.count() == events
    assert AuditEvent.objects.count() == audits


def test_wrong_resident_id_check_digit(agency_a):
    wrong = RESIDENT_ID[:17] + ("0" if RESIDENT_ID[17] != "0" else "1")
    cases = Application.objects.count()
    _refused(
        lambda: services.register(agency_a, person_intake(id_number=wrong)),
        "居民身份证号码校验位不正确",
    )
    assert Application.objects.count() == cases


def test_correction_date_before_receipt(agency_a):
    clerk = make_staff(agency_a, "clerk")
    case = make_case(agency_a, "2025-11-10", user=clerk)
    services.request_correction(
        case, on=d("2025-11-11"), deadline=d("2025-11-25"), items="补充文号", user=clerk
    )
    _refused(
        lambda: services.receive_correction(case, on=d("2025-11-07"), user=clerk),
        "不能早于收到申请日期",
    )


def test_extension_over_20_working_days(agency_a):
    clerk = make_staff(agency_a, "clerk")
    case = make_case(agency_a, "2025-11-10", user=clerk)
    _refused(
        lambda: services.request_extension(
            case, on=d("2025-11-12"), workdays=21, reason="量大", user=clerk
        ),
        "第三十三条第二款",
    )


def test_decision_without_legal_basis(agency_a):
    clerk = make_staff(agency_a, "clerk")
    case = make_case(agency_a, "2025-11-10", user=clerk)
    _refused(
        lambda: services.decide(
            case, on=d("2025-11-12"), outcome="granted", legal_basis=" ", reasons="", user=clerk
        ),
        "答复须写明法律依据",
    )


def test_a_second_correction_notice(agency_a):
    clerk = make_staff(agency_a, "clerk")
    case = make_case(agency_a, "2025-11-10", user=clerk)
    services.request_correction(
        case, on=d("2025-11-11"), deadline=d("2025-11-25"), items="补充文号", user=clerk
    )
    services.receive_correction(case, on=d("2025-11-12"), user=clerk)
    _refused(
        lambda: services.request_correction(
            case, on=d("2025-11-13"), deadline=d("2025-11-27"), items="再补充", user=clerk
        ),
        "补正只能一次性告知",
    )


def test_a_late_correction_notice(agency_a):
    clerk = make_staff(agency_a, "clerk")
    case = make_case(agency_a, "2025-11-03", user=clerk)
    _refused(
        lambda: services.request_correction(
            case, on=d("2025-11-13"), deadline=d("2025-11-27"), items="补充文号", user=clerk
        ),
        "7个工作日内",
    )


def test_both_fee_methods_on_one_case(agency_a):
    clerk = make_staff(agency_a, "clerk")
    case = make_case(agency_a, "2025-11-10", user=clerk)
    services.assess_fee(
        case,
        on=d("2025-11-11"),
        method="per_page",
        pages=50,
        charged="0",
        reduction_reason="申请人为低保对象",
        user=clerk,
    )
    _refused(
        lambda: services.assess_fee(case, on=d("2025-11-12"), method="per_item", user=clerk),
        "只能选择一种计收方式",
    )


def test_a_reduction_without_reason(agency_a):
    clerk = make_staff(agency_a, "clerk")
    case = make_case(agency_a, "2025-11-10", user=clerk)
    _refused(
        lambda: services.assess_fee(
            case, on=d("2025-11-11"), method="per_page", pages=120, charged="100", user=clerk
        ),
        "减免信息处理费的，请写明理由",
    )


def test_extension_approved_only_by_the_disclosure_office_head(agency_a):
    clerk = make_staff(agency_a, "clerk", "agency_admin")
    case = make_case(agency_a, "2025-11-10", user=clerk)
    services.request_extension(case, on=d("2025-11-12"), workdays=5, reason="量大", user=clerk)
    _refused(
        lambda: services.approve_extension(case, on=d("2025-11-13"), user=clerk),
        "政府信息公开工作机构负责人批准",
    )


def test_a_move_the_status_does_not_allow(agency_a):
    clerk = make_staff(agency_a, "clerk")
    case = make_case(agency_a, "2025-11-10", user=clerk)
    _refused(lambda: services.fee_paid(case, on=d("2025-11-12"), user=clerk), "不能登记缴费")
    _refused(
        lambda: services.deliver(
            case, on=d("2025-11-12"), method="post", tracking_number="", user=clerk
        ),
        "不能登记送达",
    )


def test_a_date_in_the_future(agency_a):
    clerk = make_staff(agency_a, "clerk")
    case = make_case(agency_a, "2025-11-10", user=clerk)
    _refused(
        lambda: services.start_consultation(
            case, on=d("2025-11-21"), party="某公司", party_kind="third_party", user=clerk
        ),
        "不能晚于今天",
    )
