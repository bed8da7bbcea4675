"""An integer parameter that is not a plain number within its bounds — «²» (a digit to
`str.isdigit()`, not to `int()`), a number beyond any database integer, a negative or a huge
`limit`/`offset` — is read as absent on public and staff pages and the API: never a server
error, and the API's pages never hold more than `max_limit` rows."""

import pytest

from gongkai.web.params import BoundedLimitOffsetPagination, integer
from tests.conftest import login

pytestmark = pytest.mark.django_db

UNREADABLE = ["²", "٣", "99999999999999999999999", "9223372036854775808", "-1", " ", "1e3"]

PUBLIC = [
    "/xxgk/items/?year={v}",
    "/xxgk/items/?agency={v}",
    "/xxgk/items/?topic={v}",
    "/xxgk/items/?genre={v}",
    "/xxgk/items/?page={v}",
    "/apply/?agency={v}",
    "/api/public/items/?limit={v}",
    "/api/public/items/?offset={v}",
    "/api/public/agencies/?limit={v}&offset={v}",
]
STAFF = [
    "/workbench/agencies/?parent={v}",
    "/workbench/staff/?agency={v}",
    "/workbench/calendar/?year={v}",
    "/workbench/appeals/?year={v}",
    "/workbench/cases/?queue=due&days={v}",
    "/workbench/reports/?year={v}",
    "/workbench/checks/lists/entry/?id={v}",
    "/api/staff/appeals/table4/?year={v}",
    "/api/staff/messages/statistics/?year={v}",
    "/api/staff/items/?limit={v}&offset={v}",
    "/api/staff/audit-events/?limit={v}",
]


def test_public_pages_read_unreadable_integers_as_absent(agency_a, client):
    for url in PUBLIC:
        for value in UNREADABLE:
            response = client.get(url.format(v=value))
            assert response.status_code < 500, (url, value)


def test_staff_pages_read_unreadable_integers_as_absent(user_a):
    client = login(user_a)
    for url in STAFF:
        for value in UNREADABLE:
            response = client.get(url.format(v=value))
            assert response.status_code < 500, (url, value)


def test_a_form_year_or_agency_that_is_no_number_is_refused_not_an_error(user_a, agency_a):
    response = login(user_a).post("/workbench/reports/", {"agency": "²", "year": "²"}, follow=True)
    assert response.status_code in (200, 404)


def test_api_pages_hold_at_most_max_limit_rows():
    class Request:
        query_params = {"limit": str(10**6), "offset": "²"}

    paging = BoundedLimitOffsetPagination()
    assert paging.get_limit(Request()) == paging.max_limit
    assert paging.get_offset(Request()) == 0


def test_integer_takes_only_plain_ascii_numbers_within_bounds():
    assert integer("2026", minimum=2008, maximum=2100) == 2026
    assert integer(" 7 ") == 7
    for raw in [*UNREADABLE, None, "", "2101", ["1"]]:
        assert integer(raw, minimum=0, maximum=2100, default=5) == 5, raw
