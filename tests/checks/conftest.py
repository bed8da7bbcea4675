"""Every checks test runs with a database: under Django, `check_text` reads the deployment's
workbench additions to the word lists from it."""

import pytest


@pytest.fixture(autouse=True)
def _database(db):
    """The test database, for the additions `check_text` reads."""
