"""Table 4 of the annual report counts reconsiderations and suits by result; an appeal still
open at the year's end is 尚未审结, and complaints are not in the table."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from gongkai.appeals.models import Appeal, table4
from tests.applications.cases import make_case
from tests.conftest import login, make_staff


def _appeal(agency, kind, filed, result="pending", concluded=None, case=None):
    return Appeal.objects.create(
        agency=agency,
        case=case,
        kind=kind,
        appellant="张三",
        body="测试县人民政府",
        filed_on=date.fromisoformat(filed),
        result=result,
        concluded_on=date.fromisoformat(concluded) if concluded else None,
    )


def test_table4_row(agency_a):
    _appeal(agency_a, "reconsideration", "2025-03-01", "maintained", "2025-05-01")
    _appeal(agency_a, "reconsideration", "2025-04-01", "corrected", "2025-06-01")
    _appeal(agency_a, "reconsideration", "2025-11-01")
    # Concluded next year: still pending at the end of 2025.
    _appeal(agency_a, "reconsideration", "2025-12-01", "other", "2026-01-20")
    _appeal(agency_a, "litigation_direct", "2025-02-01", "maintained", "2025-09-01")
    _appeal(agency_a, "litigation_after", "2024-12-01", "corrected", "2025-03-01")
    # Concluded in 2024: not 2025's business.
    _appeal(agency_a, "litigation_after", "2024-01-01", "maintained", "2024-06-01")
    _appeal(agency_a, "complaint", "2025-05-01")
    assert table4(Appeal.objects.all(), 2025) == [
        *(1, 1, 0, 2, 4),
        *(1, 0, 0, 0, 1),
        *(0, 1, 0, 0, 1),
    ]


def test_a_concluded_appeal_needs_its_date(agency_a):
    appeal = Appeal(
        agency=agency_a,
        kind="reconsideration",
        appellant="张三",
        body="测试县人民政府",
        filed_on=date(2025, 3, 1),
        result="maintained",
    )
    with pytest.raises(ValidationError, match="请填写审结日期"):
        appeal.clean()


def test_staff_link_an_appeal_to_their_own_case_only(agency_a, agency_b):
    clerk = make_staff(agency_a, "clerk")
    own = make_case(agency_a, "2025-09-26")
    other = make_case(agency_b, "2025-09-26")
    client = login(clerk)
    url = reverse("appeals:add", args=[agency_a.pk])
    form = {
        "kind": "reconsideration",
        "appellant": "张三",
        "body": "测试县人民政府",
        "filed_on": "2025-11-01",
        "result": "pending",
    }
    refused = client.post(url, form | {"case": other.pk})
    assert refused.status_code == 400 and not Appeal.objects.exists()
    assert client.post(url, form | {"case": own.pk}).status_code == 302
    assert Appeal.objects.get().case == own
    listing = client.get(reverse("appeals:list"), {"year": 2025}).content.decode()
    assert "年度报告表四" in listing
