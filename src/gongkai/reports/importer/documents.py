"""Turn a published report file (HTML, DOCX, PDF or plain text) into prose lines and table grids.

Merged cells are expanded so that every grid row has one entry per column; each entry keeps the
identity of the cell it came from, so a value spread over three columns can be read once.
"""

import io
import re
import zipfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from gongkai.lib.upload_limits import UnsafeFile, check_package

from .text import normalise

# A published page never needs more; larger spans are damage and would only waste memory.
MAX_ROWSPAN = 200
MAX_COLSPAN = 60


class ReportReadError(ValueError):
    """The file cannot be read as a report; the message says why, in Chinese."""


@dataclass(frozen=True)
class GridCell:
    text: str
    origin: int  # the same number for every position a merged cell covers


Grid = list[list[GridCell]]


@dataclass
class Document:
    kind: str
    lines: list[str] = field(default_factory=list)
    grids: list[Grid] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def distinct_cells(row: list[GridCell]) -> list[str]:
    """The row's cells left to right, a horizontally merged cell counted once."""
    cells: list[str] = []
    previous = None
    for cell in row:
        if cell.origin != previous:
            cells.append(cell.text)
        previous = cell.origin
    return cells


def grid_as_lines(grid: Grid) -> list[str]:
    return [" | ".join(distinct_cells(row)) for row in grid]


class _Table:
    def __init__(self) -> None:
        self.rows: list[list[tuple[str, int, int]]] = []
        self.cell: list[str] | None = None
        self.span = (1, 1)

    def build(self, next_origin: int) -> tuple[Grid, int]:
        """Place each cell at the first free position, filling the rows and columns it spans."""
        placed: dict[tuple[int, int], GridCell] = {}
        for r, row in enumerate(self.rows):
            c = 0
            for text, rowspan, colspan in row:
                while (r, c) in placed:
                    c += 1
                cell_id = next_origin
                next_origin += 1
                for dr in range(rowspan):
                    for dc in range(colspan):
                        placed.setdefault((r + dr, c + dc), GridCell(text, cell_id))
                c += colspan
        height = len(self.rows)
        width = max((c + 1 for (_, c) in placed), default=0)
        grid = [
            [placed.get((r, c), GridCell("", -1 - c - r * width)) for c in range(width)]
            for r in range(height)
        ]
        return grid, next_origin


def _span(value: str | None, limit: int) -> int:
    try:
        number = int(str(value).strip())
    except ValueError:
        return 1
    return min(max(number, 1), limit)


class _PageParser(HTMLParser):
    """Prose lines and table grids of an HTML page, with the standard library's tolerant parser."""

    BLOCKS = frozenset(
        [
            "p",
            "div",
            "br",
            "li",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "section",
            "article",
            "header",
            "footer",
            "tr",
            "table",
            "title",
            "ul",
            "ol",
        ]
    )
    SKIPPED = frozenset(("script", "style", "noscript", "template"))

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.grids: list[Grid] = []
        self.tables: list[_Table] = []
        self.skipping = 0
        self.next_origin = 0

    def _break(self) -> None:
        line = "".join(self.current).strip()
        if line:
            self.lines.append(line)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIPPED:
            self.skipping += 1
            return
        if tag == "table":
            self._break()
            self.tables.append(_Table())
            return
        table = self.tables[-1] if self.tables else None
        if table is not None and tag == "tr":
            table.rows.append([])
        elif table is not None and tag in ("td", "th"):
            self._close_cell(table)
            if not table.rows:
                table.rows.append([])
            values = dict(attrs)
            table.cell = []
            table.span = (
                _span(values.get("rowspan"), MAX_ROWSPAN),
                _span(values.get("colspan"), MAX_COLSPAN),
            )
        elif table is None and tag in self.BLOCKS:
            self._break()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # A <br /> inside a header cell ("本年新<br />制作数量") joins, in prose it breaks.
        if tag == "br" and not self.tables:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIPPED:
            self.skipping = max(0, self.skipping - 1)
            return
        if tag == "table" and self.tables:
            table = self.tables.pop()
            self._close_cell(table)
            grid, self.next_origin = table.build(self.next_origin)
            if grid:
                self.grids.append(grid)
        elif self.tables and tag in ("td", "th"):
            self._close_cell(self.tables[-1])
        elif not self.tables and tag in self.BLOCKS:
            self._break()

    def _close_cell(self, table: _Table) -> None:
        if table.cell is None:
            return
        text = " ".join("".join(table.cell).split())
        table.rows[-1].append((text, *table.span))
        table.cell = None

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        if self.tables:
            table = self.tables[-1]
            if table.cell is not None:
                table.cell.append(data)
            return
        self.current.append(data)

    def close(self) -> None:
        super().close()
        while self.tables:
            self.handle_endtag("table")
        self._break()


def decode(data: bytes) -> str:
    """Text from bytes in the encodings Chinese sites publish in."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ReportReadError("文件编码无法识别（既不是 UTF-8 也不是 GB18030），或者不是文本文件")


def _looks_like_html(text: str) -> bool:
    head = text[:4000].lower()
    return bool(re.search(r"<(html|body|table|p|div)[\s>]", head))


def read_html(text: str) -> Document:
    parser = _PageParser()
    parser.feed(text)
    parser.close()
    return _normalised(Document("html", parser.lines, parser.grids))


def read_text(text: str) -> Document:
    if "\x00" in text or _control_share(text) > 0.05:
        raise ReportReadError("文件内容不是可识别的文本（含有大量控制字符），可能已损坏")
    return _normalised(Document("text", text.splitlines()))


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    controls = sum(1 for ch in text if (ch < " " and ch not in "\n\r\t\f") or ch == "\ufffd")
    return controls / len(text)


def read_docx(data: bytes) -> Document:
    from docx import Document as open_docx
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        check_package(data)
    except UnsafeFile as error:
        raise ReportReadError(str(error)) from error
    try:
        word = open_docx(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise ReportReadError(f"DOCX 文件已损坏或不是 Word 文档：{error}") from error
    except Exception as error:  # the XML layer raises its own types for broken parts
        raise ReportReadError(f"DOCX 文件无法解析：{error}") from error
    document = Document("docx")
    origins: dict[int, int] = {}
    for element in word.element.body.iterchildren():
        if element.tag == qn("w:p"):
            document.lines.append(Paragraph(element, word).text)
        elif element.tag == qn("w:tbl"):
            grid: Grid = []
            for row in Table(element, word).rows:
                # python-docx repeats the same cell object across a merge; its id is the origin.
                grid.append(
                    [
                        GridCell(cell.text, origins.setdefault(id(cell._tc), len(origins)))
                        for cell in row.cells
                    ]
                )
            document.grids.append(grid)
    return _normalised(document)


# A printed page number «— 1 —» (GB/T 9704 §7.5) is no figure of the table it falls among.
PAGE_NUMBER = re.compile(r"[—－–-]\s*\d{1,4}\s*[—－–-]")


def read_pdf(data: bytes) -> Document:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            reader.decrypt("")
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as error:
        raise ReportReadError(f"PDF 文件已损坏或无法读取：{error}") from error
    text = "\n".join(pages)
    if not text.strip():
        raise ReportReadError("PDF 中没有可提取的文字（可能是扫描图片），无法读取")
    lines = [line for line in text.splitlines() if not PAGE_NUMBER.fullmatch(line.strip())]
    return _normalised(Document("pdf", lines))


def _normalised(document: Document) -> Document:
    document.lines = [line for line in (normalise(line).strip() for line in document.lines) if line]
    document.grids = [
        [[GridCell(normalise(cell.text).strip(), cell.origin) for cell in row] for row in grid]
        for grid in document.grids
    ]
    return document


def read_document(path: Path) -> Document:
    """Read any supported file; raises ReportReadError with a Chinese reason otherwise."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ReportReadError(f"无法打开文件 {path}：{error.strerror or error}") from error
    if not data.strip():
        raise ReportReadError(f"文件 {path.name} 是空的")
    suffix = path.suffix.lower()
    if data.startswith(b"%PDF") or suffix == ".pdf":
        return read_pdf(data)
    if data.startswith(b"PK") or suffix == ".docx":
        return read_docx(data)
    if suffix in (".doc", ".xls", ".xlsx", ".wps", ".jpg", ".jpeg", ".png", ".gif"):
        raise ReportReadError(f"不支持的文件类型 {suffix}：请提供 HTML、DOCX、PDF 或文本文件")
    text = decode(data)
    if suffix in (".html", ".htm", ".shtml") or _looks_like_html(text):
        return read_html(text)
    return read_text(text)
