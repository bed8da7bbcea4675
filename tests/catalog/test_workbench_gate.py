"""Through the workbench pages: a clerk registers an item (the 文号 fixed on the way), attaches a
file, submits; the chain signs; only then may it be published. Each person sees only the
buttons their role allows, and a forged post of another role's transition is refused."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.catalog.models import InfoItem, ItemStatus
from tests.catalog.files import ELF_EXECUTABLE, docx_bytes
from tests.catalog.makers import Team
from tests.conftest import login

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(agency_a):
    return Team(agency_a)


FORM = {
    "title": "关于做好冬季困难群众救助工作的通知",
    "doc_no": "某民发[2026]07号",
    "formed_on": "2026-11-20",
    "written_on": "2026-11-20",
    "validity": "valid",
    "attribute": "proactive",
    "body": "各乡镇：现就做好冬季困难群众救助工作通知如下。",
}


def _detail(item):
    return reverse("review:item", args=[item.pk])


def _post(client, item, transition, **data):
    return client.post(_detail(item), {"transition": transition, **data}, follow=True)


def test_the_whole_gate_through_the_pages(team):
    clerk = login(team.clerk)
    response = clerk.post(
        reverse("catalog:item_create"), FORM | {"agency": team.agency.pk}, follow=True
    )
    assert "已规范为“某民发〔2026〕7号”" in response.content.decode()
    item = InfoItem.objects.get()
    assert item.current_version.doc_no == "某民发〔2026〕7号"

    upload = SimpleUploadedFile("通知.docx", docx_bytes("附件正文"))
    response = clerk.post(
        reverse("catalog:attachment_add", args=[item.pk]), {"file": upload}, follow=True
    )
    assert "已上传“通知”" in response.content.decode()

    # Publishing before review is refused, whoever asks.
    response = _post(clerk, item, "publish")
    assert "不能公开（须为“审查通过”）" in response.content.decode()
    _post(clerk, item, "submit")
    item.refresh_from_db()
    assert item.status == ItemStatus.SUBMITTED

    # The clerk sees no signing form and a forged signature is refused.
    page = clerk.get(_detail(item)).content.decode()
    assert "签署“审查”意见" not in page
    response = _post(clerk, item, "sign", decision="approve", legal_basis="第十九条")
    assert "须由本机关的审查人签署" in response.content.decode()

    reviewer = login(team.reviewer)
    assert "签署“审查”意见" in reviewer.get(_detail(item)).content.decode()
    _post(reviewer, item, "sign", decision="approve", legal_basis="《条例》第十九条")
    response = _post(reviewer, item, "publish")
    assert "没有执行此操作的权限" in response.content.decode()

    leader = login(team.leader)
    _post(leader, item, "sign", decision="approve", legal_basis="《条例》第二十条")
    item.refresh_from_db()
    assert item.status == ItemStatus.APPROVED and not item.is_public

    response = _post(clerk, item, "publish")
    assert "已在门户公开" in response.content.decode()
    assert InfoItem.objects.public().get() == item


def test_returning_needs_a_reason_and_sends_it_back(team):
    clerk = login(team.clerk)
    clerk.post(reverse("catalog:item_create"), FORM | {"agency": team.agency.pk})
    item = InfoItem.objects.get()
    _post(clerk, item, "submit")
    reviewer = login(team.reviewer)
    response = _post(reviewer, item, "sign", decision="return", legal_basis="第十五条", opinion="")
    assert "退回时请写明退回理由" in response.content.decode()
    _post(reviewer, item, "sign", decision="return", legal_basis="第十五条", opinion="含个人隐私")
    item.refresh_from_db()
    assert item.status == ItemStatus.RETURNED
    assert "含个人隐私" in clerk.get(_detail(item)).content.decode()


def test_bad_input_loses_nothing(team):
    clerk = login(team.clerk)
    response = clerk.post(
        reverse("catalog:item_create"), FORM | {"agency": team.agency.pk, "doc_no": "关于某事"}
    )
    body = response.content.decode()
    assert response.status_code == 400 and "无法自动更正" in body
    assert FORM["body"] in body  # what was typed is still in the form
    assert not InfoItem.objects.exists()

    clerk.post(reverse("catalog:item_create"), FORM | {"agency": team.agency.pk})
    item = InfoItem.objects.get()
    upload = SimpleUploadedFile("通知.pdf", ELF_EXECUTABLE)
    response = clerk.post(reverse("catalog:attachment_add", args=[item.pk]), {"file": upload})
    assert "可执行程序" in response.content.decode()
    assert not item.current_version.attachments.exists()
