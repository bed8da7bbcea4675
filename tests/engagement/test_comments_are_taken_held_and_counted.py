"""The public comments on an open consultation through the form on its page: the same one-time
token records one comment, spam is held for review and never dropped, too many posts from one
address are refused with the text kept, bad input gets a Chinese answer; staff moderate, and
only comments waiting for review or found valid are counted."""

import uuid

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from gongkai.engagement import consultations
from gongkai.engagement.consultation_forms import CommentForm
from gongkai.engagement.models import CommentStatus, Consultation, ConsultationComment
from tests.conftest import make_staff
from tests.engagement.consultation_makers import after_closing, comment_on, make_consultation
from tests.engagement.makers import SPAM

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultation(agency_a, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    clerk = make_staff(agency_a, "clerk")
    return consultations.open_(make_consultation(agency_a, clerk), user=clerk), clerk


def _post(client, consultation, text, token=None, **fields):
    return client.post(
        reverse("engage:consultation", args=[consultation.pk]),
        {"text": text, "submission_token": token or uuid.uuid4().hex, **fields},
    )


def _count(consultation) -> int:
    return Consultation.objects.with_counts().get(pk=consultation.pk).comment_count


def test_a_comment_is_taken_once_per_form(consultation):
    found, _ = consultation
    client = Client()
    page = client.get(reverse("engage:consultation", args=[found.pk]))
    assert 'id="comment-form"' in page.content.decode()
    token = uuid.uuid4().hex
    first = _post(client, found, "建议增加听证环节。", token, writer_name="王五")
    again = _post(client, found, "建议增加听证环节。", token, writer_name="王五")
    assert first.status_code == again.status_code == 302
    assert ConsultationComment.objects.filter(consultation=found).count() == 1
    thanks = client.get(first["Location"]).content.decode()
    assert "您的意见已收到" in thanks
    assert _count(found) == 1


def test_spam_is_held_not_counted_and_kept_for_review(consultation):
    found, clerk = consultation
    assert _post(Client(), found, SPAM).status_code == 302
    held = ConsultationComment.objects.get(consultation=found)
    assert held.status == CommentStatus.HELD and "赌博" in held.held_reason
    assert _count(found) == 0
    consultations.release(held, user=clerk)
    assert _count(found) == 1


def test_too_many_posts_from_one_address_are_refused_with_the_text_kept(consultation, settings):
    found, _ = consultation
    settings.GONGKAI_CONSULTATION_COMMENTS_PER_15_MIN = 2
    client = Client()
    for n in range(2):
        assert _post(client, found, f"第{n}条意见").status_code == 302
    refused = _post(client, found, "第三条意见，内容保留")
    assert refused.status_code == 429
    body = refused.content.decode()
    assert "提交过于频繁" in body and "第三条意见，内容保留" in body
    assert ConsultationComment.objects.filter(consultation=found).count() == 2


@pytest.mark.parametrize(
    ("text", "answer"),
    [("", "请填写意见内容"), ("长" * 5001, "不能超过5000字")],
)
def test_bad_input_gets_a_chinese_answer(consultation, text, answer):
    found, _ = consultation
    response = _post(Client(), found, text)
    assert response.status_code == 400
    assert answer in response.content.decode()
    assert not ConsultationComment.objects.exists()


def test_lone_surrogates_and_undecodable_bytes_never_make_a_500(consultation):
    found, _ = consultation
    assert not CommentForm(data={"text": "坏\ud800字", "submission_token": "t"}).is_valid()
    response = Client().post(
        reverse("engage:consultation", args=[found.pk]),
        "submission_token=raw&text=%ED%A0%80%FF",
        content_type="application/x-www-form-urlencoded",
    )
    # Undecodable bytes arrive as replacement characters: stored as such or refused, never a 500.
    assert response.status_code in (302, 400)
    for comment in ConsultationComment.objects.all():
        assert not any("\ud800" <= ch <= "\udfff" for ch in comment.text)


def test_no_comment_is_taken_before_opening_or_after_closing(agency_a, consultation):
    found, clerk = consultation
    with after_closing(found):
        response = _post(Client(), found, "截止后的意见")
        assert response.status_code == 400
        assert "不接收意见（已截止）" in response.content.decode()
    draft = make_consultation(agency_a, clerk, title="尚未发布的征集")
    assert Client().get(reverse("engage:consultation", args=[draft.pk])).status_code == 404
    assert not ConsultationComment.objects.exists()


def test_staff_moderate_and_only_counted_comments_count(consultation):
    found, clerk = consultation
    valid = comment_on(found, text="建议将补助标准与物价挂钩。")
    off_topic = comment_on(found, text="请问我家低保什么时候发？")
    consultations.approve(valid, user=clerk)
    consultations.reject(off_topic, reason="与征集内容无关，已转为咨询", user=clerk)
    off_topic.refresh_from_db()
    assert off_topic.rejection_reason == "与征集内容无关，已转为咨询"
    assert _count(found) == 1


def test_staff_of_another_agency_cannot_moderate(consultation, agency_b):
    found, _ = consultation
    outsider = make_staff(agency_b, "clerk")
    with pytest.raises(PermissionDenied):
        consultations.approve(comment_on(found), user=outsider)
