"""Every clock test reads the real calendar: the built-in schedules over an empty test database."""

import pytest

from gongkai.calendar import workdays


@pytest.fixture(autouse=True)
def calendar(db):
    workdays.invalidate()
    yield
    workdays.invalidate()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Generated letters go to a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
