"""While a draft or a version returned for changes is being edited, its files can be retitled
and replaced (the new file checked and stripped like any upload); under review or once
approved or public, the page and the service refuse in plain Chinese and nothing changes."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.catalog import services
from gongkai.catalog.models import Attachment, ItemStatus
from gongkai.review import services as review
from tests.catalog.files import ELF_EXECUTABLE, docx_bytes, pdf_bytes
from tests.catalog.makers import Team, make_item
from tests.conftest import login

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(agency_a):
    return Team(agency_a)


def _returned(team):
    item = make_item(team.agency, team.clerk)
    attachment = services.add_attachment(
        user=team.clerk, item=item, name="名单.docx", data=docx_bytes("旧名单")
    )
    pending = review.submit(user=team.clerk, item=item)
    review.sign(
        user=team.reviewer,
        review=pending,
        decision="return",
        legal_basis="第十五条",
        opinion="附件名单有误",
    )
    item.refresh_from_db()
    assert item.status == ItemStatus.RETURNED
    return item, attachment


def _change(client, attachment, **data):
    return client.post(reverse("catalog:attachment_change", args=[attachment.pk]), data)


def test_a_returned_draft_gets_its_file_replaced_and_retitled(team):
    _, attachment = _returned(team)
    old_sha = attachment.sha256
    upload = SimpleUploadedFile("名单（更正）.docx", docx_bytes("新名单", author="李四"))
    response = _change(login(team.clerk), attachment, file=upload, title="救助对象名单")
    assert response.status_code == 302
    attachment.refresh_from_db()
    assert attachment.sha256 != old_sha
    assert attachment.name == "名单（更正）.docx" and attachment.title == "救助对象名单"
    assert "新名单" in attachment.text and "旧名单" not in attachment.text
    with attachment.file.open("rb") as stored:
        assert b"\xe6\x9d\x8e\xe5\x9b\x9b" not in stored.read()  # the author 李四 is stripped
    # Only the title, keeping the file.
    _change(login(team.clerk), attachment, title="2026年救助对象名单")
    attachment.refresh_from_db()
    assert attachment.title == "2026年救助对象名单" and "新名单" in attachment.text


def test_a_refused_file_loses_nothing(team):
    _, attachment = _returned(team)
    upload = SimpleUploadedFile("名单.docx", ELF_EXECUTABLE)
    response = _change(login(team.clerk), attachment, file=upload, title="新标题")
    assert "可执行程序" in response.content.decode()
    attachment.refresh_from_db()
    assert attachment.title == "名单" and "旧名单" in attachment.text


@pytest.mark.parametrize("state", ["submitted", "published"])
def test_other_states_are_refused_with_a_reason(team, state):
    item = make_item(team.agency, team.clerk)
    attachment = services.add_attachment(
        user=team.clerk, item=item, name="名单.docx", data=docx_bytes("旧名单")
    )
    if state == "submitted":
        review.submit(user=team.clerk, item=item)
        reason = "该信息正在审查中，不能替换附件或修改附件标题；审查人退回后即可修改"
    else:
        team.publish(item)
        reason = "“已公开”的信息不能直接替换附件或修改附件标题；请先“修订”生成新版本"
    clerk = login(team.clerk)
    page = clerk.get(reverse("catalog:attachment_change", args=[attachment.pk])).content.decode()
    assert reason in page and 'type="file"' not in page
    upload = SimpleUploadedFile("新.pdf", pdf_bytes())
    response = _change(clerk, attachment, file=upload, title="新标题")
    assert reason in response.content.decode()
    attachment.refresh_from_db()
    assert attachment.title == "名单" and attachment.kind == "docx"
    upload = SimpleUploadedFile("新.pdf", pdf_bytes())
    response = clerk.post(reverse("catalog:attachment_add", args=[item.pk]), {"file": upload})
    assert "上传附件；" in response.content.decode()
    assert Attachment.objects.count() == 1


def test_a_revision_replaces_its_own_copy_not_the_published_file(team):
    item = make_item(team.agency, team.clerk)
    services.add_attachment(user=team.clerk, item=item, name="名单.docx", data=docx_bytes("旧"))
    item = team.publish(item)
    published = item.published_version.attachments.get()
    services.start_revision(user=team.clerk, item=item, change_note="更正名单")
    item.refresh_from_db()
    copy = item.current_version.attachments.get()
    services.change_attachment(
        user=team.clerk, attachment=copy, title="名单", name="名单.pdf", data=pdf_bytes()
    )
    published.refresh_from_db()
    assert published.kind == "docx" and published.file.name != copy.file.name
    with pytest.raises(Exception, match="只能修改当前版本的附件"):
        services.change_attachment(user=team.clerk, attachment=published, title="改")
