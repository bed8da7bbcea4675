"""A file that unfolds into far more than it weighs — a ZIP package that inflates to a gigabyte,
thousands of members, an image of 900 million pixels — is refused from its headers, quickly and
in little memory, wherever an uploaded file is opened; a corrupt DOCX gets a Chinese refusal."""

import io
import time
import tracemalloc
import zipfile

import pytest
from django.urls import reverse

from gongkai.catalog import services
from gongkai.catalog.attachments import AttachmentError, prepare, sniff
from gongkai.catalog.models import Attachment
from gongkai.checks.extract import ExtractionError, extract_bytes
from gongkai.checks.masking import mask_docx
from gongkai.reports.importer.documents import ReportReadError, read_docx
from tests.catalog.bombs import docx_bomb, docx_with_members, huge_jpeg, huge_png
from tests.catalog.files import docx_bytes
from tests.catalog.makers import make_item
from tests.conftest import login, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def bomb():
    return docx_bomb(1024)


def _measured(call):
    """Run `call`, returning (the exception it raised, seconds taken, peak MB allocated)."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        call()
    except Exception as error:
        raised = error
    else:
        raised = None
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] / (1 << 20)
    tracemalloc.stop()
    return raised, seconds, peak


def test_the_bomb_is_small_and_really_inflates(bomb):
    assert len(bomb) < 2 * (1 << 20)
    archive = zipfile.ZipFile(io.BytesIO(bomb))
    with archive, archive.open("word/media/image1.png") as member:
        assert member.read(1 << 20) == bytes(1 << 20)


def test_an_attachment_that_inflates_to_a_gigabyte_is_refused_quickly_in_little_memory(bomb):
    raised, seconds, peak = _measured(lambda: prepare(bomb))
    assert isinstance(raised, AttachmentError)
    assert "解压后" in str(raised)
    assert seconds < 1
    assert peak < 100


def test_the_online_check_refuses_the_bomb_quickly_in_little_memory(bomb):
    raised, seconds, peak = _measured(lambda: extract_bytes(bomb, ".docx"))
    assert isinstance(raised, ExtractionError)
    assert "解压后" in str(raised)
    assert seconds < 1
    assert peak < 100


def test_the_masked_copy_and_the_report_importer_refuse_the_bomb(bomb):
    with pytest.raises(ExtractionError, match="解压后"):
        mask_docx(bomb)
    with pytest.raises(ReportReadError, match="解压后"):
        read_docx(bomb)


def test_the_check_page_answers_the_bomb_with_a_chinese_error(agency_a, bomb):
    client = login(make_staff(agency_a, "clerk"))
    upload = io.BytesIO(bomb)
    upload.name = "炸弹.docx"
    response = client.post(reverse("checks:check"), {"document": upload})
    assert "解压后" in response.content.decode()


def test_too_many_members_are_refused(settings):
    settings.GONGKAI_ZIP_MAX_MEMBERS = 100
    data = docx_with_members(200)
    with pytest.raises(AttachmentError, match="文件数"):
        prepare(data)
    with pytest.raises(ExtractionError, match="文件数"):
        extract_bytes(data, ".docx")


def test_a_package_within_the_limits_is_still_taken():
    assert prepare(docx_bytes("某某通知")).kind == "docx"


@pytest.mark.parametrize("image", [huge_png(), huge_jpeg()], ids=["png", "jpeg"])
def test_an_image_of_900_million_pixels_is_refused(image):
    with pytest.raises(AttachmentError, match="像素"):
        prepare(image)
    with pytest.raises(AttachmentError, match="像素"):
        sniff(image)


def test_a_corrupt_docx_is_refused_in_chinese_and_nothing_is_stored(agency_a):
    clerk = make_staff(agency_a, "clerk")
    item = make_item(agency_a, clerk)
    data = bytearray(docx_bytes("某某通知"))
    start = data.find(b"word/document.xml") + len("word/document.xml")
    data[start + 20 : start + 200] = b"\xff" * 180  # the member's compressed bytes, garbled
    with pytest.raises(AttachmentError, match="损坏"):
        services.add_attachment(user=clerk, item=item, name="通知.docx", data=bytes(data))
    assert not Attachment.objects.exists()
