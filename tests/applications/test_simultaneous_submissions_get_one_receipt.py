"""Two identical application posts arriving at once (a double click on a slow line) register one
case, and the second answer is the first one's receipt, never a server error. On PostgreSQL both
requests pass the "already registered?" check before either commits; the unique submission
token then refuses the second insert, which must fall back to the case the first one made."""

import contextlib
import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from gongkai.applications.models import Application
from gongkai.applications.portal import RECEIPT_SESSION_KEY
from gongkai.applications.services import intake
from tests.applications.cases import person_intake

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def both_past_the_check(monkeypatch):
    """Hold each registration after its look-up of the token until the other has made its
    own, so that the two race as they do on PostgreSQL. Where the database serialises whole
    requests (SQLite) the second never arrives while the first waits, and the wait times out."""
    barrier = threading.Barrier(2)
    checked = intake._checked_intake

    def waiting(*args, **kwargs):
        with contextlib.suppress(threading.BrokenBarrierError):
            barrier.wait(timeout=1)
        return checked(*args, **kwargs)

    monkeypatch.setattr(intake, "_checked_intake", waiting)


def _at_once(send) -> list:
    """Send two requests from two threads, each with its own database connection.

    The test suite's SQLite database lives in memory, shared between connections with
    table-level locks that fail at once instead of waiting as a database file's lock does; there
    the requests take turns, as a file database's write lock makes them do in production."""
    answers, failures = [None, None], []
    turns = threading.Lock() if connection.vendor == "sqlite" else contextlib.nullcontext()

    def run(index: int) -> None:
        try:
            with turns:
                answers[index] = send(index)
        except Exception as error:  # any server error is the failure sought
            failures.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert failures == []
    return answers


def _form(agency) -> dict:
    return {
        "agency": agency.pk,
        "submission_token": "b" * 32,
        "applicant_category": "natural_person",
        "applicant_name": "李四",
        "id_type": "resident_id",
        "id_number": person_intake().id_number,
        "phone": "13900139000",
        "description": "某某文件",
        "provision_form": "electronic",
        "delivery_method": "online",
    }


def test_two_form_posts_at_once_give_one_case_and_one_receipt(agency_a, both_past_the_check):
    clients = [Client(), Client()]
    answers = _at_once(lambda index: clients[index].post(reverse("apply:form"), _form(agency_a)))
    assert [answer.status_code for answer in answers] == [302, 302]
    assert Application.objects.count() == 1
    case = Application.objects.get()
    assert [client.session[RECEIPT_SESSION_KEY] for client in clients] == [case.pk, case.pk]


def test_two_api_posts_at_once_give_the_same_receipt(agency_a, both_past_the_check):
    answers = _at_once(
        lambda _index: Client().post(
            "/api/apply/applications/", _form(agency_a), content_type="application/json"
        )
    )
    assert [answer.status_code for answer in answers] == [201, 201]
    assert answers[0].json()["number"] == answers[1].json()["number"]
    assert Application.objects.count() == 1
