"""Import published annual reports (HTML, DOCX, PDF, text) and audit their figures."""

from .documents import ReportReadError, read_document
from .report import ParsedReport, parse_document, read_report

__all__ = ["ParsedReport", "ReportReadError", "parse_document", "read_document", "read_report"]
