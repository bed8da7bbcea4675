"""The committed OpenAPI document is the one the code generates (`make schema` refreshes it)."""

from pathlib import Path

import yaml
from django.core.management import call_command

COMMITTED = Path(__file__).resolve().parents[2] / "docs" / "openapi.yaml"


def test_schema_matches_code(tmp_path, db):
    generated = tmp_path / "openapi.yaml"
    call_command("spectacular", "--validate", "--file", str(generated))
    assert yaml.safe_load(generated.read_text()) == yaml.safe_load(COMMITTED.read_text()), (
        "docs/openapi.yaml is stale: run `make schema` and commit it"
    )


def test_staff_operations_require_authentication():
    schema = yaml.safe_load(COMMITTED.read_text())
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            security = operation.get("security", [])
            if path.startswith("/api/staff/"):
                assert {} not in security, f"{method} {path} allows anonymous use"
            if path.startswith("/api/public/"):
                assert method == "get", f"{method} {path}: the public API is read-only"
