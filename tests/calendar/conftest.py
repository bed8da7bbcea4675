"""Fixtures for the working-day calendar tests."""

from pathlib import Path

import pytest

from gongkai.calendar import workdays

# Invented for the tests, not the real 2027 notice: 元旦 Fri 1 Jan to Sun 3 Jan, a Spring
# Festival week from Sat 6 Feb to Sun 14 Feb, and Sat 20 Feb worked instead.
SCHEDULE_2027 = """\
year: 2027
notice: 测试发明电〔2026〕1号
title: 测试用2027年节假日安排
issued: 2026-11-01
holidays:
  - {name: 元旦, from: 2027-01-01, to: 2027-01-03}
  - {name: 春节, from: 2027-02-06, to: 2027-02-14}
makeup_workdays:
  - {date: 2027-02-20, name: 春节}
"""


@pytest.fixture
def calendar(db):
    """The calendar over the test database, its per-process cache dropped before and after
    (a test's imports are rolled back with its transaction)."""
    workdays.invalidate()
    yield
    workdays.invalidate()


@pytest.fixture
def write_schedule(tmp_path):
    """Write a schedule file's text under the test's temporary folder and return its path."""

    def write(text: str, name: str = "schedule.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write
