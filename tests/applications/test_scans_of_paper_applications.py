"""Scans of applications that came on paper, by fax or by word of mouth: kept with the case,
their type read from their bytes, shown and served to the agency's own staff only, audited."""

import io

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from gongkai.applications import services
from gongkai.applications.models import Application, Channel, Scan
from gongkai.core.models import AuditEvent
from gongkai.lib.errors import Refused
from tests.applications.cases import make_case, person_intake
from tests.conftest import login, make_staff

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(out, "PNG")
    return out.getvalue()


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel("2025-11-20 10:00 +0800", tick=False):
        yield


def _register_form(**extra) -> dict:
    intake = person_intake()
    return {
        "channel": Channel.POST_SIGNED,
        "received_on": "2025-11-19",
        "applicant_category": intake.applicant_category,
        "applicant_name": intake.applicant_name,
        "id_type": intake.id_type,
        "id_number": intake.id_number,
        "phone": intake.phone,
        "email": intake.email,
        "description": intake.description,
        "provision_form": intake.provision_form,
        "delivery_method": intake.delivery_method,
    } | extra


def test_scans_attached_at_registration_are_kept_and_served_back(agency_a):
    clerk = make_staff(agency_a, "clerk")
    client = login(clerk)
    png = _png()
    response = client.post(
        reverse("cases:register", args=[agency_a.pk]),
        _register_form(
            scans=[
                SimpleUploadedFile("申请表.pdf", PDF, "application/pdf"),
                SimpleUploadedFile("信封.png", png, "image/png"),
            ]
        ),
    )
    assert response.status_code == 302
    case = Application.objects.get()
    scans = list(case.scans.order_by("id"))
    assert [(s.name, s.kind, s.size) for s in scans] == [
        ("申请表.pdf", "pdf", len(PDF)),
        ("信封.png", "png", len(png)),
    ]
    assert AuditEvent.objects.filter(action="attach_scans").count() == 1

    page = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "申请表.pdf" in page and "信封.png" in page
    download = client.get(reverse("cases:scan_file", args=[scans[1].pk]))
    assert download.status_code == 200
    assert download["Content-Type"] == "image/png"
    assert b"".join(download.streaming_content) == png


def test_a_fake_pdf_is_refused_in_chinese_and_nothing_is_registered(agency_a):
    clerk = make_staff(agency_a, "clerk")
    response = login(clerk).post(
        reverse("cases:register", args=[agency_a.pk]),
        _register_form(
            scans=[SimpleUploadedFile("申请表.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")]
        ),
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "「申请表.pdf」的内容不是 PDF、JPEG 或 PNG 文件" in body
    assert "张三" in body  # what was typed comes back
    assert not Application.objects.exists()
    assert not Scan.objects.exists()


def test_scans_added_later_on_the_case_page(agency_a):
    clerk = make_staff(agency_a, "clerk")
    case = make_case(agency_a, "2025-11-18", user=clerk, channel=Channel.FAX)
    client = login(clerk)
    url = reverse("cases:scan_upload", args=[case.pk])

    refused = client.post(url, {"scans": [SimpleUploadedFile("传真.pdf", b"hello")]})
    assert refused.status_code == 400
    assert "的内容不是 PDF、JPEG 或 PNG 文件" in refused.content.decode()
    assert not case.scans.exists()

    assert client.post(url, {"scans": [SimpleUploadedFile("传真.pdf", PDF)]}).status_code == 302
    assert case.scans.get().file.read() == PDF


def test_the_size_limit_comes_from_the_setting(agency_a, settings):
    settings.GONGKAI_SCAN_MAX_BYTES = 20
    clerk = make_staff(agency_a, "clerk")
    case = make_case(agency_a, "2025-11-18", user=clerk)
    with pytest.raises(Refused, match="超过"):
        services.attach_scans(case, [services.Upload("大.pdf", PDF)], user=clerk)
    assert not case.scans.exists()


def test_online_applications_take_no_scans(agency_a):
    clerk = make_staff(agency_a, "clerk")
    case = make_case(agency_a, "2025-11-18", user=clerk, channel=Channel.ONLINE)
    with pytest.raises(Refused, match="无需上传扫描件"):
        services.attach_scans(case, [services.Upload("a.pdf", PDF)], user=clerk)


def test_only_the_agencys_own_staff_see_and_download_scans(agency_a, county):
    clerk = make_staff(agency_a, "clerk")
    case = make_case(agency_a, "2025-11-18", user=clerk)
    scan = services.attach_scans(case, [services.Upload("申请书.pdf", PDF)], user=clerk)[0]
    supervisor = login(make_staff(county, "supervisor"))

    page = supervisor.get(reverse("cases:detail", args=[case.pk]))
    assert page.status_code == 200
    assert "申请书.pdf" not in page.content.decode()
    assert supervisor.get(reverse("cases:scan_file", args=[scan.pk])).status_code == 404
