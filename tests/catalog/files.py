"""Real files built in memory: PNG, JPEG, DOCX, XLSX and PDF with the metadata real tools write."""

import io
import struct
import zipfile
import zlib


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bytes(text: bytes = b"") -> bytes:
    """A 1×1 PNG; with `text`, a tEXt chunk holding it (as cameras and editors write)."""
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    chunks = [_png_chunk(b"IHDR", header)]
    if text:
        chunks.append(_png_chunk(b"tEXt", b"Author\x00" + text))
    chunks.append(_png_chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")))
    chunks.append(_png_chunk(b"IEND", b""))
    return b"\x89PNG\r\n\x1a\n" + b"".join(chunks)


def docx_bytes(body: str, author: str = "张三", company: str = "某某县民政局") -> bytes:
    """A DOCX written by python-docx with an author, a company and a tracked change."""
    from docx import Document

    document = Document()
    document.add_paragraph(body)
    document.core_properties.author = author
    document.core_properties.last_modified_by = author
    document.core_properties.comments = "内部讨论稿"
    raw = io.BytesIO()
    document.save(raw)
    source = zipfile.ZipFile(io.BytesIO(raw.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/app.xml":
                content = content.replace(
                    b"</Properties>", f"<Company>{company}</Company></Properties>".encode()
                )
            if info.filename == "word/document.xml":
                content = content.replace(
                    b"</w:body>",
                    f'<w:p><w:ins w:id="1" w:author="{author}" w:date="2026-11-01T00:00:00Z">'
                    "<w:r><w:t>修订内容</w:t></w:r></w:ins></w:p></w:body>".encode(),
                )
            target.writestr(info, content)
    return out.getvalue()


def pdf_bytes(text: str = "Notice 2026", author: str = "Zhang San") -> bytes:
    """A one-page PDF with an author in its document information."""
    from reportlab.pdfgen import canvas

    raw = io.BytesIO()
    page = canvas.Canvas(raw)
    page.setAuthor(author)
    page.setTitle("draft")
    page.drawString(72, 720, text)
    page.save()
    return raw.getvalue()


def xlsx_bytes(cells: list[str]) -> bytes:
    """A minimal workbook whose shared strings are `cells`."""
    strings = "".join(f"<si><t>{c}</t></si>" for c in cells)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"/>',
        )
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/sharedStrings.xml", f"<sst>{strings}</sst>")
        archive.writestr(
            "docProps/core.xml",
            "<cp:coreProperties><dc:creator>李四</dc:creator></cp:coreProperties>",
        )
    return out.getvalue()


ELF_EXECUTABLE = b"\x7fELF\x02\x01\x01" + b"\x00" * 200
WINDOWS_EXECUTABLE = b"MZ\x90\x00" + b"\x00" * 200
