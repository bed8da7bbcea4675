"""What an uploaded file may unfold into, judged from its headers before anything is inflated or
decoded: the members and inflated size of a ZIP package (DOCX, XLSX) and an image's pixels.

A package of a megabyte can inflate to a gigabyte, and a PNG header can claim 900 million
pixels; reading either would hold a worker for seconds and gigabytes. The limits are settings
(`GONGKAI_ZIP_MAX_INFLATED_BYTES`, `GONGKAI_ZIP_MAX_MEMBERS`, `GONGKAI_IMAGE_MAX_PIXELS`) and
fall back to the defaults below where Django is not configured (the checks run as a library).
"""

import io
import struct
import zipfile
import zlib

DEFAULT_ZIP_MAX_INFLATED_BYTES = 200 * 1024 * 1024
DEFAULT_ZIP_MAX_MEMBERS = 2000
# A3 scanned at 600 dpi is 70 million pixels.
DEFAULT_IMAGE_MAX_PIXELS = 100_000_000

# What reading a damaged package raises: a broken directory, a bad CRC, broken deflate data.
CORRUPT_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError)


class UnsafeFile(ValueError):
    """A file refused for what it would unfold into, or for a damaged package; str() is a
    Chinese message for the user."""


def _limit(name: str, default: int) -> int:
    from django.conf import settings

    return getattr(settings, name, default) if settings.configured else default


def open_package(data: bytes) -> zipfile.ZipFile:
    """The ZIP package in `data`, once its directory shows it stays within the limits; a
    directory that cannot be read raises zipfile.BadZipFile."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    members = archive.infolist()
    max_members = _limit("GONGKAI_ZIP_MAX_MEMBERS", DEFAULT_ZIP_MAX_MEMBERS)
    if len(members) > max_members:
        raise UnsafeFile(
            f"文件内含 {len(members)} 个部件，超过 {max_members} 的文件数上限，不予读取。"
        )
    # zipfile never inflates a member past the size its directory entry declares (a member
    # that would is a CRC error), so the declared sizes bound what reading can produce.
    inflated = sum(member.file_size for member in members)
    max_inflated = _limit("GONGKAI_ZIP_MAX_INFLATED_BYTES", DEFAULT_ZIP_MAX_INFLATED_BYTES)
    if inflated > max_inflated:
        raise UnsafeFile(
            f"文件解压后为 {inflated / 1048576:.0f} MB，超过 {max_inflated / 1048576:.0f} MB 的"
            "上限，可能是恶意构造的压缩文件，不予读取。"
        )
    return archive


def check_package(data: bytes) -> None:
    """Refuse a ZIP package beyond the limits before a library opens it on its own; a damaged
    one is left to that library, which refuses it in its own words."""
    try:
        open_package(data).close()
    except zipfile.BadZipFile:
        return


def image_pixels(data: bytes) -> int | None:
    """Width × height from a PNG's IHDR or a JPEG's frame header; None for other data."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and data[12:16] == b"IHDR" and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return width * height
    if data.startswith(b"\xff\xd8"):
        return _jpeg_pixels(data)
    return None


# Start-of-frame markers carry the image size; C4 (Huffman tables) and C8, CC are not frames.
_JPEG_FRAMES = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}


def _jpeg_pixels(data: bytes) -> int | None:
    pos = 2
    while pos + 4 <= len(data) and data[pos] == 0xFF:
        marker = data[pos + 1]
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        if marker in _JPEG_FRAMES and pos + 9 <= len(data):
            height, width = struct.unpack(">HH", data[pos + 5 : pos + 9])
            return width * height
        if marker == 0xDA:
            return None
        pos += 2 + length
    return None


def check_image(data: bytes) -> None:
    """Refuse an image whose header declares more pixels than the limit."""
    pixels = image_pixels(data)
    max_pixels = _limit("GONGKAI_IMAGE_MAX_PIXELS", DEFAULT_IMAGE_MAX_PIXELS)
    if pixels is not None and pixels > max_pixels:
        raise UnsafeFile(
            f"图片为 {pixels / 1e6:.0f} 百万像素，超过 {max_pixels / 1e6:.0f} 百万像素的上限，"
            "不予读取。"
        )
