"""Running the checks: on a text, or on a file whose text is extracted first."""

from collections.abc import Iterable
from pathlib import Path

from .extract import MAX_BYTES, extract_file
from .findings import Finding
from .lists import configured_extra_dir
from .registry import all_kinds, checkers


def check_text(
    text: str, *, kinds: Iterable[str] | None = None, lists_dir: Path | None = None
) -> list[Finding]:
    """Every finding in `text`, ordered by position; offsets index into `text` as given.

    `kinds` limits the run to some checks; `lists_dir` overrides the GONGKAI_CHECK_LISTS_DIR
    setting for the deployment's additions to the word lists.
    """
    wanted = set(kinds) if kinds is not None else None
    if wanted is not None and not wanted <= set(all_kinds()):
        raise ValueError(f"unknown check kinds: {sorted(wanted - set(all_kinds()))}")
    extra_dir = lists_dir if lists_dir is not None else configured_extra_dir()
    findings = [
        finding
        for checker in checkers(extra_dir)
        if wanted is None or checker.kind in wanted
        for finding in checker.find(text)
    ]
    findings.sort(key=lambda finding: (finding.start, finding.end, finding.kind))
    return findings


def check_file(
    path: str | Path, *, kinds: Iterable[str] | None = None, max_bytes: int = MAX_BYTES
) -> tuple[str, list[Finding]]:
    """The extracted text of a file and its findings; raises ExtractionError for bad files."""
    text = extract_file(path, max_bytes=max_bytes)
    return text, check_text(text, kinds=kinds)
