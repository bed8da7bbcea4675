"""Staff check a document on the workbench, see the findings marked, and download a masked copy."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.conftest import login, make_staff

TEXT = "【内部资料】\n申请人身份证号110101199003074514，请于截止2024年底前布署到位。"


def test_findings_are_listed_and_marked_in_the_text(agency_a):
    clerk = make_staff(agency_a, "clerk")
    upload = SimpleUploadedFile("通知.txt", TEXT.encode("utf-8"), content_type="text/plain")
    response = login(clerk).post(reverse("checks:check"), {"document": upload})
    page = response.content.decode()
    assert response.status_code == 200
    assert "检查结果：通知.txt" in page
    assert "涉密标志" in page and "身份证号" in page
    assert 'class="finding finding-block"' in page
    assert "必须处理" in page


def test_masked_copy_download(agency_a):
    clerk = make_staff(agency_a, "clerk")
    response = login(clerk).post(reverse("checks:check"), {"text": TEXT, "mask": "1"})
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    body = response.content.decode("utf-8")
    assert "110***********4514" in body and "110101199003074514" not in body


def test_bad_files_get_a_chinese_error(agency_a):
    clerk = make_staff(agency_a, "clerk")
    client = login(clerk)
    empty = SimpleUploadedFile("空.pdf", b"", content_type="application/pdf")
    response = client.post(reverse("checks:check"), {"document": empty})
    assert "提交的是空文件" in response.content.decode()
    broken = SimpleUploadedFile("坏.docx", b"PK\x03\x04garbage", content_type="application/zip")
    response = client.post(reverse("checks:check"), {"document": broken})
    assert response.status_code == 400
    assert "DOCX 文件已损坏" in response.content.decode()
    assert "检查结果" not in response.content.decode()


def test_oversized_upload_is_refused(agency_a, settings):
    settings.GONGKAI_CHECK_UPLOAD_MAX_BYTES = 1024
    clerk = make_staff(agency_a, "clerk")
    upload = SimpleUploadedFile("大.txt", ("字" * 2000).encode(), content_type="text/plain")
    response = login(clerk).post(reverse("checks:check"), {"document": upload})
    assert "无法在线检查" in response.content.decode()


def test_api_returns_findings_and_masked_text(agency_a):
    clerk = make_staff(agency_a, "clerk")
    response = login(clerk).post(
        "/api/staff/checks/", {"text": TEXT, "mask": True}, content_type="application/json"
    )
    data = response.json()
    assert response.status_code == 200 and data["file"] == "-"
    kinds = {f["kind"] for f in data["findings"]}
    assert {"secret_marking", "id_number"} <= kinds
    assert "110***********4514" in data["masked_text"]


def test_anonymous_users_cannot_check(db):
    from django.test import Client

    assert Client().post("/api/staff/checks/", {"text": TEXT}).status_code in (401, 403)
    assert Client().get(reverse("checks:check")).status_code == 302
