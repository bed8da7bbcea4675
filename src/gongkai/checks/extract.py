"""Plain text from the files staff publish: .txt, .html, .docx and .pdf.

The text is normalised to Unicode NFC with \\n line ends; finding offsets refer to it.
Every failure is an ExtractionError whose message tells the user, in Chinese, what is wrong
with the file.
"""

import codecs
import io
import re
import unicodedata
import zipfile
from html.parser import HTMLParser
from pathlib import Path

from gongkai.lib.upload_limits import UnsafeFile, check_package

# Larger files are refused before they are read (the 200 MB bound).
MAX_BYTES = 200 * 1024 * 1024

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".csv"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".shtml", ".xhtml"})

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
CHARSET_DECLARATION = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.I)
# Control characters that never occur in real text; a few of them mean the bytes are binary.
CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")


class ExtractionError(Exception):
    """A file whose text cannot be read; str() is a message in Chinese for the user."""


def normalize(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def decode_text(data: bytes, declared: str | None = None) -> str:
    """Decode text bytes: a BOM or a declared charset first, then UTF-8, then GB18030."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding)
    if data.startswith(codecs.BOM_UTF16_BE):
        return data.decode("utf-16")
    candidates = ["utf-8", "gb18030"]
    if declared:
        try:
            # GB2312 and GBK pages are decoded as their superset GB18030.
            name = codecs.lookup(declared).name
            candidates.insert(0, "gb18030" if name in {"gb2312", "gbk"} else name)
        except LookupError:
            pass
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if len(CONTROL.findall(text)) <= len(text) // 1000:
            return text
    raise ExtractionError(
        "文件不是可识别的文本：既不是 UTF-8 也不是 GB18030 编码，可能是二进制文件。"
    )


class _HTMLText(HTMLParser):
    """Collects the visible text of a page; block elements become line breaks."""

    BLOCKS = frozenset(
        {
            *("address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt"),
            *("figcaption", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr"),
            *("li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul"),
        }
    )
    HIDDEN = frozenset({"script", "style", "noscript", "template", "head"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.HIDDEN:
            self.hidden_depth += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN:
            self.hidden_depth = max(0, self.hidden_depth - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden_depth:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """The visible text of an HTML document, entities resolved, scripts and styles dropped."""
    parser = _HTMLText()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts).replace("\xa0", " ")
    # Source indentation and the line breaks around tags are layout, not text.
    lines = (re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _docx_text(data: bytes) -> str:
    # Imported here so that checking plain text never loads the document libraries.
    import docx
    from docx.table import Table

    if data.startswith(OLE_MAGIC):
        raise ExtractionError(
            "该 Word 文件已加密，或是旧版 .doc 格式，无法读取；请另存为未加密的 .docx 文件。"
        )
    try:
        check_package(data)
    except UnsafeFile as exc:
        raise ExtractionError(str(exc)) from exc
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ExtractionError("DOCX 文件已损坏或不是有效的 Word 文档，无法读取。") from exc
    except Exception as exc:
        # python-docx surfaces broken XML parts as lxml and package errors of many types.
        raise ExtractionError(f"DOCX 文件内容损坏，无法读取（{type(exc).__name__}）。") from exc
    parts: list[str] = []

    def add_table(table: Table) -> None:
        for row in table.rows:
            seen = set()
            for cell in row.cells:
                # A merged cell is returned once per grid column it spans.
                if id(cell._tc) in seen:
                    continue
                seen.add(id(cell._tc))
                parts.append(cell.text)

    for block in document.iter_inner_content():
        if isinstance(block, Table):
            add_table(block)
        else:
            parts.append(block.text)
    # Classification marks are often put in page headers, so headers and footers count too.
    for section in document.sections:
        for part in (section.header, section.footer):
            if not part.is_linked_to_previous:
                parts.extend(paragraph.text for paragraph in part.paragraphs)
    return "\n".join(parts)


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            # Owner-password-only files open with an empty user password.
            try:
                opened = reader.decrypt("")
            except DependencyError as exc:
                raise ExtractionError(
                    "PDF 文件使用 AES 加密，本机缺少解密组件（cryptography），无法提取文字。"
                ) from exc
            except Exception:
                # A wrong or unsupported password scheme: the file stays closed.
                opened = 0
            if not opened:
                raise ExtractionError("PDF 文件已加密，无法提取文字；请提供未加密的文件。")
        pages = [page.extract_text() or "" for page in reader.pages]
    except ExtractionError:
        raise
    except PdfReadError as exc:
        raise ExtractionError("PDF 文件已损坏或格式不正确，无法读取。") from exc
    except Exception as exc:
        # pypdf raises many exception types on malformed files.
        raise ExtractionError(f"PDF 文件内容损坏，无法读取（{type(exc).__name__}）。") from exc
    text = "\n".join(pages)
    if not text.strip():
        raise ExtractionError("PDF 中没有可提取的文字，可能是扫描图片；请先进行文字识别（OCR）。")
    return text


def suffix_of(filename: str) -> str:
    """ ".docx", ".pdf" … of an uploaded file's name, lower-cased; "" when it has none."""
    return "." + filename.rpartition(".")[2].lower() if "." in filename else ""


def detect_format(data: bytes, suffix: str) -> str:
    """ "pdf", "docx", "html" or "text", from the file's own bytes or its suffix."""
    suffix = suffix.lower()
    if suffix == ".pdf" or data.startswith(b"%PDF-"):
        return "pdf"
    if suffix == ".docx" or data.startswith(b"PK\x03\x04"):
        return "docx"
    if suffix in {".doc", ".wps", ".xls", ".ppt"} or data.startswith(OLE_MAGIC):
        raise ExtractionError(
            f"不支持旧版 Office 格式（{suffix or '二进制文档'}），请另存为 .docx 或 PDF。"
        )
    if suffix in HTML_SUFFIXES:
        return "html"
    head = data[:1024].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "text"


def extract_bytes(data: bytes, suffix: str = "", max_bytes: int = MAX_BYTES) -> str:
    """The normalised text of a document given as bytes; `suffix` (".pdf" …) names its format."""
    if not data:
        raise ExtractionError("文件为空（0 字节），没有可检查的内容。")
    if len(data) > max_bytes:
        raise ExtractionError(_too_large(len(data), max_bytes))
    kind = detect_format(data, suffix)
    if kind == "pdf":
        text = _pdf_text(data)
    elif kind == "docx":
        text = _docx_text(data)
    elif kind == "html":
        declared = CHARSET_DECLARATION.search(data[:4096])
        text = html_to_text(decode_text(data, declared.group(1).decode() if declared else None))
    else:
        text = decode_text(data)
    text = normalize(text)
    if not text.strip():
        raise ExtractionError("文件中没有可检查的文字。")
    return text


def _too_large(size: int, limit: int) -> str:
    megabytes = 1024 * 1024
    return (
        f"文件大小为 {size / megabytes:.1f} MB，"
        f"超过 {limit / megabytes:.0f} MB 的检查上限，未检查。"
    )


def extract_file(path: str | Path, max_bytes: int = MAX_BYTES) -> str:
    """The normalised text of a file; its size is checked before anything is read."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ExtractionError(_too_large(size, max_bytes))
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise ExtractionError("文件不存在。") from exc
    except IsADirectoryError as exc:
        raise ExtractionError("这是一个目录，不是文件。") from exc
    except PermissionError as exc:
        raise ExtractionError("没有读取该文件的权限。") from exc
    return extract_bytes(data, path.suffix, max_bytes)
