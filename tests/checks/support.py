"""Helpers shared by the checks tests."""

from pathlib import Path

from gongkai.checks import Finding, check_text

# shared/ sits beside the repository, in a developer's tree and in CI alike.
SAMPLE_REPORTS = Path(__file__).resolve().parents[3] / "shared" / "samples" / "reports"


def found(text: str, kind: str) -> list[Finding]:
    """The findings of one kind in `text`."""
    return [finding for finding in check_text(text, kinds=[kind])]


def found_texts(text: str, kind: str) -> list[str]:
    return [finding.text for finding in found(text, kind)]
