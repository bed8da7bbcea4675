"""Bad input to the public message form gets a clear Chinese answer, never a 500, and a valid
message is never lost: empty and over-long text, lone surrogates, an attachment that is not
what its name says, anonymity where the channel wants a name, and a flood from one address."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from gongkai.engagement.forms import PublicMessageForm
from gongkai.engagement.models import Message
from tests.catalog.files import pdf_bytes
from tests.engagement.makers import channel_of

pytestmark = pytest.mark.django_db


def _data(channel, **fields):
    return {
        "submission_token": fields.pop("submission_token", "tok"),
        "channel": channel.pk,
        "subject": "网页错误",
        "text": "第二段的电话号码有误。",
        "writer_name": "王五",
        "phone": "13800138000",
    } | fields


def _errors(response) -> list[str]:
    form = response.context["form"]
    return [str(e) for errors in form.errors.values() for e in errors]


def test_empty_text_is_refused_in_chinese(agency_a):
    response = Client().post(reverse("engage:write"), _data(channel_of(agency_a), text=""))
    assert response.status_code == 400 and "请填写内容" in _errors(response)
    assert not Message.objects.exists()


def test_text_of_100000_characters_is_refused_and_kept_in_the_form(agency_a):
    text = "长" * 100_000
    response = Client().post(reverse("engage:write"), _data(channel_of(agency_a), text=text))
    assert response.status_code == 400
    assert "内容不能超过5000字（现为100000字）" in _errors(response)
    assert not Message.objects.exists()


def test_lone_surrogates_are_refused():
    form = PublicMessageForm(data={"subject": "标题\ud800", "text": "内容\udfff"})
    assert not form.is_valid()
    assert form.errors["subject"][0] == "内容含有无法识别的字符，请删除乱码后重新提交"
    assert "内容含有无法识别的字符" in form.errors["text"][0]


def test_undecodable_bytes_in_a_raw_post_never_make_a_500(agency_a):
    body = f"submission_token=raw&channel={channel_of(agency_a).pk}&subject=%ED%A0%80&text=%FF"
    response = Client().post(
        reverse("engage:write"), body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code in (302, 400)


def test_a_fake_attachment_is_refused_with_the_reason(agency_a):
    fake = SimpleUploadedFile("截图.pdf", b"MZ\x90\x00 this is a program", "application/pdf")
    response = Client().post(reverse("engage:write"), _data(channel_of(agency_a), attachment=fake))
    assert response.status_code == 400
    assert "文件内容是可执行程序，不能作为附件上传。" in _errors(response)
    assert not Message.objects.exists()


def test_a_real_attachment_is_kept_without_its_metadata(agency_a):
    real = SimpleUploadedFile("截图.pdf", pdf_bytes(author="Zhang San"), "application/pdf")
    response = Client().post(reverse("engage:write"), _data(channel_of(agency_a), attachment=real))
    assert response.status_code == 302
    message = Message.objects.get()
    assert message.attachment_name == "截图.pdf"
    assert b"Zhang San" not in message.attachment.read()


def test_anonymous_where_the_channel_wants_a_name(agency_a):
    response = Client().post(
        reverse("engage:write"), _data(channel_of(agency_a), writer_name="", anonymous="on")
    )
    assert response.status_code == 400
    assert "“咨询”不接受匿名留言，请填写姓名" in _errors(response)
    allowed = Client().post(
        reverse("engage:write"),
        _data(channel_of(agency_a, "complaint"), writer_name="", anonymous="on"),
    )
    assert allowed.status_code == 302 and Message.objects.get().writer_display == "匿名"


def test_a_message_needs_a_contact_for_the_lookup(agency_a):
    response = Client().post(reverse("engage:write"), _data(channel_of(agency_a), phone=""))
    assert "请至少填写联系电话或电子邮箱中的一项，凭它和查询码查看答复" in _errors(response)


def test_a_flood_from_one_address_is_slowed_and_the_text_kept(agency_a, settings):
    settings.GONGKAI_MESSAGE_POSTS_PER_15_MIN = 20
    client = Client()
    statuses = [
        client.post(
            reverse("engage:write"), _data(channel_of(agency_a), submission_token=f"t{n}")
        ).status_code
        for n in range(25)
    ]
    assert statuses[:20] == [302] * 20 and statuses[20:] == [429] * 5
    refused = client.post(
        reverse("engage:write"),
        _data(channel_of(agency_a), submission_token="last", text="第二十六条留言"),
    )
    page = refused.content.decode()
    assert "提交过于频繁，请15分钟后再试" in page and "第二十六条留言" in page
    assert Message.objects.count() == 20
    # Another address is not held up by the flood.
    other = Client(REMOTE_ADDR="10.0.0.9").post(
        reverse("engage:write"), _data(channel_of(agency_a), submission_token="other")
    )
    assert other.status_code == 302
