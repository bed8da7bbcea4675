"""发布前检查: pre-publication content checks, usable as a library without a web server.

from gongkai.checks import check_text, check_file
for finding in check_text("截止2023年底……"):
    print(finding.kind, finding.severity, finding.message)
"""

from .extract import ExtractionError, extract_bytes, extract_file
from .findings import KIND_LABELS, SEVERITY_LABELS, Finding, Severity
from .registry import all_kinds, reload_lists
from .services import check_file, check_text

__all__ = [
    "KIND_LABELS",
    "SEVERITY_LABELS",
    "ExtractionError",
    "Finding",
    "Severity",
    "all_kinds",
    "check_file",
    "check_text",
    "extract_bytes",
    "extract_file",
    "reload_lists",
]
