"""Every clock test reads the real calendar: the built-in schedules over an empty test database."""

import pytest

from gongkai.core import workdays


@pytest.fixture(autouse=True)
def calendar(db):
    workdays.invalidate()
    yield
    workdays.invalidate()
