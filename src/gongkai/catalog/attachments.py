"""Attachment files: what they really are (from their bytes), how large they may be, the copy the
public gets with document metadata removed, and their text for checks and search."""

import hashlib
import html
import io
import re
import struct
import zipfile
from dataclasses import dataclass

from django.conf import settings
from pypdf import PdfReader, PdfWriter
from pypdf.errors import PdfReadError
from pypdf.generic import ArrayObject, NameObject

from gongkai.checks.extract import ExtractionError, extract_bytes
from gongkai.lib.upload_limits import CORRUPT_ZIP_ERRORS, UnsafeFile, check_image, open_package

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

KIND_LABELS = {
    "pdf": "PDF",
    "docx": "Word",
    "xlsx": "Excel",
    "png": "PNG 图片",
    "jpeg": "JPEG 图片",
}
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "png": "image/png",
    "jpeg": "image/jpeg",
}
EXECUTABLE_MAGIC = (b"MZ", b"\x7fELF", b"\xcf\xfa\xed\xfe", b"\xfe\xed\xfa\xce", b"#!")


class AttachmentError(ValueError):
    """A file that may not be attached; str() is a Chinese message for the user."""


@dataclass(frozen=True)
class Prepared:
    kind: str
    data: bytes  # the published copy, metadata removed
    text: str
    extraction_note: str


def clean_name(name: str) -> str:
    """The uploaded file's name as kept: no path separators, at most 200 characters."""
    return (name or "附件").replace("/", "_").replace("\\", "_")[-200:]


def title_from_name(name: str) -> str:
    """The title shown to the public when none is given: the file name without its extension."""
    stem, dot, extension = clean_name(name).rpartition(".")
    return (stem if dot and stem and len(extension) <= 5 else clean_name(name)).strip() or "附件"


def storage_name(original: bytes, kind: str) -> str:
    """Where a prepared file is stored: named by the uploaded bytes, never by the user."""
    return f"{hashlib.sha256(original).hexdigest()[:16]}.{kind}"


def max_bytes() -> int:
    return getattr(settings, "GONGKAI_ATTACHMENT_MAX_BYTES", DEFAULT_MAX_BYTES)


def sniff(data: bytes) -> str:
    """The file's real type from its first bytes; the name's extension is not trusted.
    A package or an image that would unfold beyond the limits is refused here, unread."""
    try:
        return _sniff(data)
    except UnsafeFile as exc:
        raise AttachmentError(str(exc)) from exc


def _sniff(data: bytes) -> str:
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        check_image(data)
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        check_image(data)
        return "jpeg"
    if data.startswith(b"PK\x03\x04"):
        try:
            names = set(open_package(data).namelist())
        except zipfile.BadZipFile as exc:
            raise AttachmentError("文件已损坏：压缩结构无法读取。") from exc
        if "word/document.xml" in names:
            return "docx"
        if "xl/workbook.xml" in names:
            return "xlsx"
        raise AttachmentError("压缩包不是 Word（.docx）或 Excel（.xlsx）文档，不能作为附件。")
    if data.startswith(EXECUTABLE_MAGIC):
        raise AttachmentError("文件内容是可执行程序，不能作为附件上传。")
    raise AttachmentError("只能上传 PDF、Word（.docx）、Excel（.xlsx）或 PNG/JPEG 图片。")


def prepare(data: bytes, limit: int | None = None) -> Prepared:
    """Check a file, strip its metadata and extract its text; raises AttachmentError."""
    limit = limit or max_bytes()
    if not data:
        raise AttachmentError("文件为空（0 字节）。")
    if len(data) > limit:
        raise AttachmentError(
            f"文件大小为 {len(data) / 1048576:.1f} MB，超过 {limit / 1048576:.0f} MB 的上限。"
        )
    kind = sniff(data)
    clean = STRIPPERS[kind](data)
    text, note = "", ""
    if kind in ("pdf", "docx"):
        try:
            text = extract_bytes(clean, "." + kind)
        except ExtractionError as exc:
            note = str(exc)
    elif kind == "xlsx":
        text = _xlsx_text(clean)
    else:
        note = "图片不提取文字，请审查人目视检查。"
    return Prepared(kind, clean, text, note)


# ---- metadata stripping ------------------------------------------------------------------

_EMPTY_CORE = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
    b'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"/>'
)
_EMPTY_APP = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-'
    b'properties"/>'
)
# Author names of tracked changes and comments live in these attributes.
_AUTHOR_ATTRS = re.compile(rb'\s(?:w:author|w:initials)="[^"]*"')


def _strip_ooxml(data: bytes) -> bytes:
    """Blank the author, company and revision properties and reviewers' names."""
    try:
        return _drop_custom_relationship(_blank_properties(data))
    except CORRUPT_ZIP_ERRORS as exc:
        raise AttachmentError("文件已损坏：压缩包中的内容无法解压。") from exc


def _blank_properties(data: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _EMPTY_CORE
            elif info.filename == "docProps/app.xml":
                content = _EMPTY_APP
            elif info.filename == "docProps/custom.xml":
                continue
            elif info.filename.startswith("word/") and info.filename.endswith(".xml"):
                content = _AUTHOR_ATTRS.sub(b"", content)
            target.writestr(info, content)
    return out.getvalue()


def _drop_custom_relationship(data: bytes) -> bytes:
    """Remove the package's pointer to the custom properties part we dropped."""
    source = zipfile.ZipFile(io.BytesIO(data))
    rels = source.read("_rels/.rels") if "_rels/.rels" in source.namelist() else None
    if rels is None or b"custom.xml" not in rels:
        return data
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "_rels/.rels":
                content = re.sub(rb"<Relationship[^>]*custom\.xml[^>]*/>", b"", content)
            if info.filename == "[Content_Types].xml":
                content = re.sub(rb"<Override[^>]*custom\.xml[^>]*/>", b"", content)
            target.writestr(info, content)
    return out.getvalue()


def _strip_pdf(data: bytes) -> bytes:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise AttachmentError("PDF 已加密，无法审查，请上传未加密的文件。")
        writer = PdfWriter()
        for page in reader.pages:
            _disarm(writer.add_page(page))
    except (PdfReadError, ValueError, KeyError) as exc:
        raise AttachmentError("PDF 文件已损坏，无法读取。") from exc
    # A fresh writer carries none of the original's catalog: no document information or XMP,
    # no /OpenAction or document /AA, no names tree with its JavaScript and embedded files.
    writer.add_metadata({"/Producer": ""})
    # The dropped annotations and actions were copied with their pages; unreferenced now, they
    # would still be written out unless removed.
    writer.compress_identical_objects(remove_duplicates=False, remove_unreferenced=True)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# Actions a reader follows without running anything: a web address, a place in the document.
_SAFE_ACTIONS = {"/URI", "/GoTo"}
_SAFE_URI_SCHEMES = ("http://", "https://", "mailto:")
# Annotations that carry a file, a player or a form's scripts, whatever their action says.
_ACTIVE_ANNOTATIONS = {"/FileAttachment", "/Screen", "/Movie", "/Sound", "/RichMedia", "/3D"}


def _disarm(page) -> None:
    """Drop a page's actions (/AA) and every annotation that acts other than as a plain link."""
    page.pop("/AA", None)
    if "/Annots" not in page:
        return
    kept = ArrayObject()
    for reference in page["/Annots"].get_object():
        annotation = reference.get_object()
        if annotation.get("/Subtype") in _ACTIVE_ANNOTATIONS:
            continue
        if "/A" in annotation and not _safe_action(annotation["/A"].get_object()):
            continue
        annotation.pop("/AA", None)
        kept.append(reference)
    page[NameObject("/Annots")] = kept


def _safe_action(action) -> bool:
    # A chained /Next action could run anything after the safe one.
    if action.get("/S") not in _SAFE_ACTIONS or "/Next" in action:
        return False
    uri = str(action.get("/URI", "https://")).strip().lower()
    return uri.startswith(_SAFE_URI_SCHEMES)


_PNG_METADATA = {b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"tIME"}


def _strip_png(data: bytes) -> bytes:
    out, pos = [data[:8]], 8
    while pos + 8 <= len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        chunk_type = data[pos + 4 : pos + 8]
        end = pos + 12 + length
        if end > len(data):
            raise AttachmentError("PNG 图片已损坏。")
        if chunk_type not in _PNG_METADATA:
            out.append(data[pos:end])
        pos = end
        if chunk_type == b"IEND":
            break
    return b"".join(out)


def _strip_jpeg(data: bytes) -> bytes:
    """Drop APP1–APP15 (EXIF, XMP, IPTC …) and comment segments before the image data."""
    out, pos = [b"\xff\xd8"], 2
    while pos + 4 <= len(data) and data[pos] == 0xFF:
        marker = data[pos + 1]
        if marker == 0xDA:  # start of scan: the rest is image data
            break
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        segment = data[pos : pos + 2 + length]
        if not (0xE1 <= marker <= 0xEF or marker == 0xFE):
            out.append(segment)
        pos += 2 + length
    out.append(data[pos:])
    return b"".join(out)


STRIPPERS = {
    "pdf": _strip_pdf,
    "docx": _strip_ooxml,
    "xlsx": _strip_ooxml,
    "png": _strip_png,
    "jpeg": _strip_jpeg,
}


def _xlsx_text(data: bytes) -> str:
    """The shared strings and inline strings of a workbook: the words a spreadsheet shows."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    parts = [n for n in archive.namelist() if n == "xl/sharedStrings.xml"]
    parts += [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
    texts = []
    for name in parts:
        xml = archive.read(name)
        texts += [
            html.unescape(t.decode("utf-8", "replace"))
            for t in re.findall(rb"<t(?:\s[^>]*)?>([^<]*)</t>", xml)
        ]
    return "\n".join(texts)
