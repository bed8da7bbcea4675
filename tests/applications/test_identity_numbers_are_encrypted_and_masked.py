"""Identity numbers are checked (ISO 7064 MOD 11-2), stored encrypted, and shown in full only
inside the case to the agency's own staff."""

import pytest
from django.db import connection
from django.urls import reverse

from gongkai.applications import identity
from tests.applications.cases import RESIDENT_ID, make_case
from tests.conftest import login, make_staff


@pytest.mark.parametrize(
    ("number", "message"),
    [
        ("11010519491231002", "应为18位"),
        ("1101051949123100AX", "前17位应为数字"),
        # A digit to str.isdigit(), no number to int(): refused, not a server error.
        ("110105194912310²21", "前17位应为数字"),
        ("110105194902300021", "出生日期不存在"),
        (RESIDENT_ID[:17] + ("1" if RESIDENT_ID[17] != "1" else "2"), "校验位不正确"),
    ],
)
def test_bad_resident_ids_are_refused(number, message):
    with pytest.raises(identity.IdentityError, match=message):
        identity.validate_resident_id(number)


def test_a_lower_case_check_character_is_accepted():
    first17 = "44030419850101001"
    number = first17 + identity.resident_id_check_character(first17)
    assert identity.validate_resident_id(number.lower()) == number


def test_the_database_holds_no_plain_number(agency_a):
    case = make_case(agency_a, "2025-09-26")
    with connection.cursor() as cursor:
        cursor.execute("SELECT id_number_encrypted, id_number_masked FROM applications_application")
        encrypted, masked = cursor.fetchone()
    assert RESIDENT_ID not in encrypted
    assert masked == RESIDENT_ID[:3] + "*" * 11 + RESIDENT_ID[-4:]
    assert case.id_number == RESIDENT_ID


def test_own_staff_see_it_supervisors_see_it_masked(county, agency_a):
    case = make_case(agency_a, "2025-09-26")
    url = reverse("cases:detail", args=[case.pk])
    own = login(make_staff(agency_a, "reviewer")).get(url).content.decode()
    assert RESIDENT_ID in own
    supervisor = make_staff(county, "supervisor")
    seen = login(supervisor).get(url).content.decode()
    assert RESIDENT_ID not in seen
    assert case.id_number_masked in seen
