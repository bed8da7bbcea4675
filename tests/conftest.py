"""Shared fixtures: a county with two sibling departments A and B, and staff in each."""

import itertools
from datetime import date

import pytest
import time_machine
from django.test import Client

from gongkai.agencies.models import Agency, AgencyKind, AgencyLevel, Role
from gongkai.agencies.services import create_staff
from gongkai.core import uscc

PASSWORD = "Test-passw0rd-2026"
_serial = itertools.count(1)


def credit_code() -> str:
    """A fresh valid 统一社会信用代码 for a test agency."""
    first17 = f"11539902{next(_serial):08d}0"
    return first17 + uscc.check_character(first17)


def make_agency(name: str, parent: Agency | None = None, **extra) -> Agency:
    fields = {
        "kind": AgencyKind.DEPARTMENT if parent else AgencyKind.GOVERNMENT,
        "level": AgencyLevel.COUNTY,
        "credit_code": credit_code(),
        "disclosure_office": f"{name}办公室",
    } | extra
    return Agency.objects.create(name=name, parent=parent, **fields)


def make_staff(agency: Agency, *roles: str, username: str | None = None, full_name: str = ""):
    username = username or f"user{next(_serial)}"
    return create_staff(
        agency=agency,
        username=username,
        full_name=full_name or username,
        password=PASSWORD,
        roles=list(roles),
    )


# The day every test run takes place on unless --today names another: the suite never depends
# on the day it runs. Test data (catalog items written in November 2026, say) is dated before it.
REFERENCE_DAY = "2026-12-01"


def pytest_addoption(parser):
    parser.addoption(
        "--today",
        metavar="YYYY-MM-DD",
        default=REFERENCE_DAY,
        help="the day the tests run on (10:00 Beijing time); see make date-guard",
    )


@pytest.fixture(scope="session", autouse=True)
def _today_is_fixed(request):
    """The whole run takes place on one day; a test that fixes its own day still does
    (time-machine's travels nest). The clock ticks, so timeouts still run out."""
    day = date.fromisoformat(request.config.getoption("--today"))
    with time_machine.travel(f"{day.isoformat()} 10:00 +0800", tick=True):
        yield


@pytest.fixture(autouse=True)
def _audit_triggers_lifted_for_flush(request):
    """Transactional tests end by emptying every table, which the audit table's append-only
    triggers refuse; lift them just for that flush and put them back for the next test."""
    marker = request.node.get_closest_marker("django_db")
    transactional = marker is not None and marker.kwargs.get("transaction", False)
    if not (transactional or {"transactional_db", "live_server"} & set(request.fixturenames)):
        yield
        return
    from django.db import connection

    from gongkai.core.migrations import _append_only

    request.getfixturevalue("transactional_db")
    with connection.cursor() as cursor:
        for sql in _append_only.FORWARD[connection.vendor]:
            cursor.execute(sql)
    yield
    with connection.cursor() as cursor:
        for sql in _append_only.BACKWARD[connection.vendor]:
            cursor.execute(sql)


ALL_AGENCY_ROLES = (Role.CLERK, Role.REVIEWER, Role.LEADER, Role.AGENCY_ADMIN, Role.SUPERVISOR)


@pytest.fixture
def county(db):
    return make_agency("测试县人民政府")


@pytest.fixture
def agency_a(county):
    return make_agency("测试县甲局", county)


@pytest.fixture
def agency_b(county):
    return make_agency("测试县乙局", county)


@pytest.fixture
def user_a(agency_a):
    """Every role an agency can grant, at agency A."""
    return make_staff(agency_a, *ALL_AGENCY_ROLES, username="all_roles_a")


@pytest.fixture
def user_b(agency_b):
    return make_staff(agency_b, *ALL_AGENCY_ROLES, username="all_roles_b")


def login(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def password_login(username: str, password: str = PASSWORD, client: Client | None = None):
    """Log in through the login page, as a person does (and as login throttling sees it).
    Returns the client, or None if the login was refused."""
    client = client or Client()
    response = client.post("/account/login/", {"username": username, "password": password})
    return client if response.status_code == 302 else None
