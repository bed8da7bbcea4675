"""Attachments: the type comes from the bytes, not the name; oversized and executable files are
refused with a Chinese reason; the stored copy carries no author, company or reviewer names."""

import io
import zipfile

import pytest
from django.test import override_settings

from gongkai.catalog import services
from gongkai.catalog.attachments import AttachmentError, prepare
from gongkai.catalog.models import Attachment
from tests.catalog.files import (
    ELF_EXECUTABLE,
    WINDOWS_EXECUTABLE,
    docx_bytes,
    pdf_bytes,
    png_bytes,
    xlsx_bytes,
)
from tests.catalog.makers import make_item
from tests.conftest import make_staff

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("data", [WINDOWS_EXECUTABLE, ELF_EXECUTABLE])
def test_an_executable_named_pdf_is_refused(agency_a, data):
    clerk = make_staff(agency_a, "clerk")
    item = make_item(agency_a, clerk)
    with pytest.raises(AttachmentError, match="可执行程序"):
        services.add_attachment(user=clerk, item=item, name="通知.pdf", data=data)
    assert not Attachment.objects.exists()


def test_a_file_over_the_limit_is_refused_before_anything_is_stored(agency_a):
    clerk = make_staff(agency_a, "clerk")
    item = make_item(agency_a, clerk)
    fifty_mb = b"%PDF-1.7\n" + b"0" * (50 * 1024 * 1024)
    with pytest.raises(AttachmentError, match="超过 20 MB 的上限"):
        services.add_attachment(user=clerk, item=item, name="大文件.pdf", data=fifty_mb)
    assert not Attachment.objects.exists()


def test_docx_is_recognised_whatever_its_name_and_stripped(agency_a, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    clerk = make_staff(agency_a, "clerk")
    item = make_item(agency_a, clerk)
    original = docx_bytes("关于做好冬季救助工作的通知")
    stored = services.add_attachment(user=clerk, item=item, name="附件.bin", data=original)
    assert stored.kind == "docx"
    assert "冬季救助" in stored.text
    with stored.file.open("rb") as handle:
        data = handle.read()
    from docx import Document

    properties = Document(io.BytesIO(data)).core_properties
    assert (properties.author, properties.last_modified_by, properties.comments) == ("", "", "")
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert b"Company" not in archive.read("docProps/app.xml")
    assert b"w:author" not in archive.read("word/document.xml")
    assert b"w:author" in zipfile.ZipFile(io.BytesIO(original)).read("word/document.xml")


def test_pdf_author_is_removed():
    from pypdf import PdfReader

    original = pdf_bytes(author="Zhang San")
    assert PdfReader(io.BytesIO(original)).metadata.author == "Zhang San"
    cleaned = prepare(original)
    metadata = PdfReader(io.BytesIO(cleaned.data)).metadata
    assert metadata is None or metadata.author is None
    assert "Notice 2026" in cleaned.text


def test_png_text_chunks_are_removed():
    cleaned = prepare(png_bytes(text=b"Zhang San"))
    assert cleaned.kind == "png"
    assert b"Zhang San" not in cleaned.data
    assert cleaned.data.endswith(b"IEND\xaeB`\x82")


def test_spreadsheet_text_is_read_for_the_checks():
    cleaned = prepare(xlsx_bytes(["姓名", "身份证号", "532901198001011236"]))
    assert cleaned.kind == "xlsx"
    assert "532901198001011236" in cleaned.text
    assert "李四".encode() not in cleaned.data


@override_settings(GONGKAI_ATTACHMENT_MAX_BYTES=1024)
def test_the_limit_is_a_setting():
    with pytest.raises(AttachmentError, match="上限"):
        prepare(png_bytes() + b"\x00" * 2048)


def test_an_empty_file_is_refused():
    with pytest.raises(AttachmentError, match="0 字节"):
        prepare(b"")
