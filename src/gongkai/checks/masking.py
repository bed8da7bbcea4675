"""Masked copies: personal data replaced by masks in plain text, HTML and DOCX documents.

A mask keeps the length of what it hides, so every other character keeps its offset and a
run-by-run DOCX rewrite stays aligned.
"""

import io
import re
from collections.abc import Iterable

from docx import Document

from gongkai.lib.upload_limits import UnsafeFile, check_package

from .extract import ExtractionError, decode_text, detect_format, extract_bytes
from .findings import Finding
from .services import check_text

PERSONAL_KINDS = ("id_number", "phone_number", "bank_card")
MASK = "*"
# How many leading and trailing characters stay readable, per kind: enough to tell records
# apart (110***********123X, 138****5678, 6222********1234), too few to identify anyone.
KEEP = {"id_number": (3, 4), "phone_number": (3, 4), "bank_card": (4, 4)}
_TAG = re.compile(r"(<[^>]*>)")


def mask_value(kind: str, value: str) -> str:
    head, tail = KEEP[kind]
    digits = [i for i, ch in enumerate(value) if ch.isalnum()]
    hidden = set(digits[head : len(digits) - tail])
    return "".join(MASK if i in hidden else ch for i, ch in enumerate(value))


def personal_findings(text: str) -> list[Finding]:
    return check_text(text, kinds=PERSONAL_KINDS)


def mask_text(text: str, findings: Iterable[Finding] | None = None) -> str:
    """`text` with every personal number masked."""
    chars = list(text)
    for finding in personal_findings(text) if findings is None else findings:
        if finding.kind in KEEP:
            masked = mask_value(finding.kind, text[finding.start : finding.end])
            chars[finding.start : finding.end] = masked
    return "".join(chars)


def mask_html(markup: str) -> str:
    """Mask the text between tags; the markup itself is left exactly as it was."""
    return "".join(part if part.startswith("<") else mask_text(part) for part in _TAG.split(markup))


def _mask_paragraph(paragraph) -> None:
    runs = paragraph.runs
    text = "".join(run.text for run in runs)
    masked = mask_text(text)
    if masked == text:
        return
    position = 0
    for run in runs:
        length = len(run.text)
        run.text = masked[position : position + length]
        position += length


def _paragraphs(document):
    parts = [document]
    for section in document.sections:
        parts += [section.header, section.footer]
    for part in parts:
        yield from part.paragraphs
        for table in part.tables:
            for row in table.rows:
                for cell in row.cells:
                    yield from cell.paragraphs


def mask_docx(data: bytes) -> bytes:
    """A DOCX with every personal number masked, run by run, formatting kept."""
    try:
        check_package(data)
    except UnsafeFile as exc:
        raise ExtractionError(str(exc)) from exc
    try:
        document = Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several types for a broken package
        raise ExtractionError("DOCX 文件已损坏，无法生成脱敏副本。") from exc
    for paragraph in _paragraphs(document):
        _mask_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def masked_copy(data: bytes, filename: str) -> tuple[bytes, str, str]:
    """The masked document as (bytes, file name, content type), in the upload's own format
    where that format can be rewritten (text, HTML, DOCX); a PDF gives its masked text."""
    stem, _, suffix = filename.rpartition(".")
    stem = stem or filename
    kind = detect_format(data, f".{suffix.lower()}" if suffix else "")
    if kind == "docx":
        return (
            mask_docx(data),
            f"{stem}（脱敏）.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
    if kind == "html":
        masked = mask_html(decode_text(data))
        return masked.encode("utf-8"), f"{stem}（脱敏）.html", "text/html; charset=utf-8"
    if kind == "pdf":
        return (
            mask_text(extract_bytes(data, ".pdf")).encode("utf-8"),
            f"{stem}（脱敏）.txt",
            "text/plain; charset=utf-8",
        )
    return mask_text(decode_text(data)).encode("utf-8"), f"{stem}（脱敏）.txt", "text/plain"
