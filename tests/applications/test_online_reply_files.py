"""The handler gives the applicant the disclosed files with a reply — uploaded (checked and
stripped like catalog attachments) or a published item referred to. An applicant who chose
网上获取 downloads them from the status page once delivery is recorded, behind the tracking
code and phone, by a signed link; each download is audited. They are public nowhere else."""

import io
import re
import zipfile

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from gongkai.applications import services
from gongkai.applications.workflow import CASE_WORKFLOW
from gongkai.core.models import AuditEvent
from gongkai.lib.errors import Refused
from tests.applications.cases import d, make_case
from tests.catalog.files import ELF_EXECUTABLE, docx_bytes
from tests.catalog.makers import Team, make_item
from tests.conftest import login, make_staff

PHONE = "13800138000"


@pytest.fixture(autouse=True)
def _today(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    with time_machine.travel("2025-11-20 10:00 +0800", tick=True):
        yield


def _decided(agency, outcome="granted", delivery_method="online"):
    clerk = make_staff(agency, "clerk")
    case = make_case(agency, "2025-10-27", user=clerk, delivery_method=delivery_method)
    services.decide(
        case,
        on=d("2025-11-17"),
        outcome=outcome,
        legal_basis="第三十六条",
        reasons="" if outcome == "granted" else "理由",
        user=clerk,
    )
    return case, clerk


def _status(client, case) -> str:
    form = {"tracking_code": case.tracking_code, "phone": PHONE}
    return client.post(reverse("apply:status"), form).content.decode()


def _upload(clerk, case, name, data, **fields):
    return login(clerk).post(
        reverse("cases:move_reply_file", args=[case.pk]),
        {"reply_file-file": SimpleUploadedFile(name, data), **fields},
    )


@pytest.mark.django_db
def test_the_applicant_downloads_the_stripped_file_once_delivered(agency_a):
    case, clerk = _decided(agency_a)
    response = _upload(
        clerk,
        case,
        "低保名单.docx",
        docx_bytes("救助名单", author="王五"),
        **{"reply_file-title": "2025年低保对象名单"},
    )
    assert response.status_code == 302
    staff_page = login(clerk).get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "2025年低保对象名单" in staff_page

    client = Client()
    assert "2025年低保对象名单" not in _status(client, case)  # not yet delivered
    services.deliver(case, on=d("2025-11-18"), method="online", tracking_number="", user=clerk)
    page = _status(client, case)
    link = re.search(r'href="(/apply/status/files/[^"]+/)">2025年低保对象名单<', page).group(1)
    response = client.get(link)
    assert response.status_code == 200
    data = b"".join(response.streaming_content)
    document = zipfile.ZipFile(io.BytesIO(data))
    assert "王五" not in document.read("docProps/core.xml").decode()
    assert "救助名单" in document.read("word/document.xml").decode()
    event = AuditEvent.objects.filter(action="online_download").get()
    assert event.record_id == str(case.pk) and event.after["reply_file"] == "2025年低保对象名单"
    assert "凭查询码和联系电话" in event.actor_label
    # A forged or altered link leads nowhere.
    assert client.get(link.replace(link[-6:-1], "xxxxx")).status_code == 404


@pytest.mark.django_db
def test_a_published_item_is_referred_to_by_its_index_number(agency_a):
    case, clerk = _decided(agency_a)
    team = Team(agency_a)
    day = d("2025-11-03")
    item = team.publish(
        make_item(agency_a, team.clerk, title="关于低保标准的通知", written_on=day, formed_on=day)
    )
    api = APIClient()
    api.force_authenticate(clerk)
    response = api.post(
        f"/api/staff/applications/{case.pk}/moves/",
        {"move": "reply_file", "fields": {"index_no": item.index_no}},
        format="json",
    )
    assert response.status_code == 200, response.content
    services.deliver(case, on=d("2025-11-18"), method="online", tracking_number="", user=clerk)
    page = _status(Client(), case)
    assert f'href="{reverse("disclosure:item", args=[item.pk])}">关于低保标准的通知<' in page


@pytest.mark.django_db
def test_an_upload_through_the_api_is_checked_like_the_workbench(agency_a):
    case, clerk = _decided(agency_a)
    api = APIClient()
    api.force_authenticate(clerk)
    response = api.post(
        f"/api/staff/applications/{case.pk}/moves/",
        {
            "move": "reply_file",
            "fields.title": "名单",
            "file": SimpleUploadedFile("名单.docx", ELF_EXECUTABLE),
        },
        format="multipart",
    )
    assert response.status_code == 400 and "可执行程序" in str(response.json())
    assert not case.reply_files.exists()
    response = api.post(
        f"/api/staff/applications/{case.pk}/moves/",
        {
            "move": "reply_file",
            "fields.title": "名单",
            "file": SimpleUploadedFile("a.docx", docx_bytes("x")),
        },
        format="multipart",
    )
    assert response.status_code == 200 and case.reply_files.get().title == "名单"


@pytest.mark.django_db
def test_only_a_disclosing_reply_takes_files_and_no_other_delivery_offers_them(agency_a):
    denied, clerk = _decided(agency_a, outcome="denied_third_party")
    with pytest.raises(Refused, match="只有予以公开或部分公开的答复"):
        CASE_WORKFLOW.perform(denied, "reply_file", {"index_no": "x"}, user=clerk)
    posted, clerk = _decided(agency_a, delivery_method="post")
    _upload(clerk, posted, "名单.docx", docx_bytes("名单"))
    services.deliver(posted, on=d("2025-11-18"), method="post", tracking_number="EMS1", user=clerk)
    assert posted.reply_files.exists()
    assert "/apply/status/files/" not in _status(Client(), posted)


@pytest.mark.django_db
def test_neither_file_nor_reference_is_refused(agency_a):
    case, clerk = _decided(agency_a)
    response = login(clerk).post(reverse("cases:move_reply_file", args=[case.pk]), {})
    assert "请上传一个文件，或填写一条已公开信息的索引号" in response.content.decode()
    response = login(clerk).post(
        reverse("cases:move_reply_file", args=[case.pk]), {"reply_file-index_no": "不存在"}
    )
    assert "没有索引号为“不存在”的已公开信息" in response.content.decode()
