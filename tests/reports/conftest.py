"""Fixtures for the report importer: a folder to write published-looking reports into."""

from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples" / "reports"


@pytest.fixture
def samples() -> Path:
    if not SAMPLES.is_dir():
        pytest.skip("shared/samples/reports is not beside the repository")
    return SAMPLES
