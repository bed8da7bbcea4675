"""Files that unfold into far more than they weigh, built in memory in a fraction of a second."""

import io
import struct
import zipfile
import zlib

from tests.catalog.files import _png_chunk, docx_bytes

MEGABYTE = 1 << 20


def _deflated_zeros(megabytes: int) -> tuple[bytes, int]:
    """A raw deflate stream inflating to `megabytes` MB of zeros, and its CRC-32.

    Each flushed megabyte compresses to the same bytes, so the stream is one block repeated."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(bytes(MEGABYTE)) + compressor.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(megabytes):
        crc = zlib.crc32(bytes(MEGABYTE), crc)
    return block * megabytes + compressor.flush(), crc


def docx_bomb(megabytes: int = 1024) -> bytes:
    """A real DOCX (about 1 MB) with an image member that inflates to `megabytes` MB."""
    raw, crc = _deflated_zeros(megabytes)
    out = io.BytesIO(docx_bytes("正文"))
    archive = zipfile.ZipFile(out, "a")
    info = zipfile.ZipInfo("word/media/image1.png", date_time=(2026, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.file_size, info.compress_size, info.CRC = megabytes * MEGABYTE, len(raw), crc
    archive.fp.seek(archive.start_dir)
    info.header_offset = archive.fp.tell()
    archive.fp.write(info.FileHeader(zip64=False))
    archive.fp.write(raw)
    archive.filelist.append(info)
    archive.NameToInfo[info.filename] = info
    archive.start_dir = archive.fp.tell()
    archive._didModify = True
    archive.close()
    return out.getvalue()


def docx_with_members(count: int) -> bytes:
    """A DOCX with `count` extra empty members."""
    out = io.BytesIO(docx_bytes("正文"))
    with zipfile.ZipFile(out, "a") as archive:
        for number in range(count):
            archive.writestr(f"extra/part{number}.xml", b"")
    return out.getvalue()


def huge_png(width: int = 30000, height: int = 30000) -> bytes:
    """A PNG whose header declares width × height pixels (its data is a few bytes)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunks = [
        _png_chunk(b"IHDR", header),
        _png_chunk(b"IDAT", zlib.compress(b"\x00" * 64)),
        _png_chunk(b"IEND", b""),
    ]
    return b"\x89PNG\r\n\x1a\n" + b"".join(chunks)


def huge_jpeg(width: int = 30000, height: int = 30000) -> bytes:
    """A JPEG whose frame header (SOF0) declares width × height pixels."""
    frame = struct.pack(">BHHB", 8, height, width, 1) + b"\x01\x11\x00"
    segment = b"\xff\xc0" + struct.pack(">H", len(frame) + 2) + frame
    return b"\xff\xd8" + segment + b"\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00" + b"\xff\xd9"
