"""Property-based test of the whole API against its published document (docs/openapi.yaml):
schemathesis sends valid and schema-violating requests to every operation, as a staff user of a
county with something published, and every answer must be no server error and must be what the
document says — its status codes, content type and body schema (nullable fields, facets).

Bounded for CI (marked `fuzz`: it runs in the SQLite pass, not again on PostgreSQL or in
the date guard): a few examples per operation, derandomized so a run is repeatable. Two of the
tool's checks do not apply by design and are left out: a request the schema allows may still be
refused by the law's rules (positive_data_acceptance), and an integer parameter that is not a
plain number is read as absent rather than refused (negative_data_rejection; web/params.py).
"""

from pathlib import Path

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
    unsupported_method,
)

from tests.conftest import make_staff
from tests.public_pages import publish_everything

pytestmark = pytest.mark.fuzz

DOCUMENT = Path(__file__).resolve().parents[2] / "docs" / "openapi.yaml"
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    unsupported_method,
]

schema = schemathesis.openapi.from_path(DOCUMENT)
schema.app = get_wsgi_application()


@pytest.fixture
def token(county, agency_a):
    publish_everything(county, agency_a)
    user = make_staff(agency_a, "agency_admin", "clerk", "reviewer", "leader")
    return Token.objects.create(user=user).key


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=3,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_every_operation(case, token):
    case.call_and_validate(headers={"Authorization": f"Token {token}"}, checks=CHECKS)
