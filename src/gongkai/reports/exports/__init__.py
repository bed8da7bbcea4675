"""The report's exports (HTML, DOCX, PDF, XLSX), each written from the same `ReportContent`."""

from dataclasses import dataclass

from ..content import ReportContent


@dataclass(frozen=True)
class Export:
    data: bytes
    content_type: str
    suffix: str


FORMATS = {
    "html": "网页（HTML）",
    "docx": "Word（DOCX）",
    "pdf": "PDF",
    "xlsx": "Excel（XLSX）",
}


def export(content: ReportContent, kind: str) -> Export:
    """The report written as `kind` (one of FORMATS)."""
    if kind == "docx":
        from .docx import write_docx

        return Export(
            write_docx(content),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "docx",
        )
    if kind == "pdf":
        from .pdf import write_pdf

        return Export(write_pdf(content), "application/pdf", "pdf")
    if kind == "xlsx":
        from .xlsx import write_xlsx

        return Export(
            write_xlsx(content),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx",
        )
    if kind == "html":
        from .html import write_html

        return Export(write_html(content).encode("utf-8"), "text/html; charset=utf-8", "html")
    raise ValueError(f"不支持的导出格式：{kind}")


def sections(content: ReportContent) -> list[tuple[str, str, list]]:
    """(heading, prose, tables) for the six sections, in the format's order."""
    from ..layout import tables

    spec = content.spec
    laid_out = tables(content.figures, spec)
    prose = {
        spec.headings[0]: content.overview,
        spec.headings[4]: content.problems,
        spec.headings[5]: content.other_matters,
    }
    return [
        (heading, prose.get(heading, ""), laid_out.get(heading, [])) for heading in spec.headings
    ]


def paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]
