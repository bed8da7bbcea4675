"""Consultations made through the services, in each state, as staff and the public make them."""

from datetime import timedelta

import time_machine
from django.utils import timezone

from gongkai.engagement import consultations
from gongkai.engagement.consultations import CommentSubmission, Draft
from gongkai.engagement.services import Upload
from tests.catalog.files import pdf_bytes


def make_consultation(
    agency,
    user,
    *,
    title="某某县城乡居民最低生活保障实施办法（征求意见稿）",
    opens_on=None,
    closes_on=None,
    major_decision=False,
    item=None,
    upload=True,
):
    opens_on = opens_on or timezone.localdate()
    draft = Draft(
        title=title,
        explanation="为规范低保审核确认工作，起草了本办法，现公开征求意见。",
        opens_on=opens_on,
        closes_on=closes_on or opens_on + timedelta(days=14),
        major_decision=major_decision,
        item=item,
        upload=Upload("征求意见稿.pdf", pdf_bytes("Draft")) if upload and item is None else None,
    )
    return consultations.create(agency, draft, user=user)


def comment_on(consultation, text="建议将低保申请的办理时限缩短为15个工作日。", **fields):
    return consultations.comment(consultation, CommentSubmission(text=text, **fields))


def after_closing(consultation):
    """A time travel to the day after the consultation's last day (10:00 Beijing time)."""
    day = consultation.closes_on + timedelta(days=1)
    return time_machine.travel(f"{day.isoformat()} 10:00 +0800", tick=True)


def consultation_in(agency, user, state: str):
    """A consultation in `state`: draft, open (with a pending and a valid comment), closed
    (those comments, the valid one not yet answered) or concluded."""
    consultation = make_consultation(agency, user)
    if state == "draft":
        return consultation
    consultation = consultations.open_(consultation, user=user)
    pending = comment_on(consultation, text="建议放宽收入核算口径。")
    valid = consultations.approve(comment_on(consultation), user=user)
    if state == "open":
        return consultation
    with after_closing(consultation):
        consultation = consultations.close(consultation, user=user)
        if state == "closed":
            return consultation
        consultations.reject(pending, reason="与征集内容无关", user=user)
        consultations.record_adoption(
            consultation,
            summary="缩短办理时限",
            decision="adopted",
            reason="",
            comments=[valid],
            user=user,
        )
        return consultations.publish_result(consultation, text="共收到意见2条。", user=user)


def concluded_consultation(agency, user, *, comments: int = 2):
    """A consultation put out 40 days before today, with `comments` valid comments answered in
    one 采纳情况 line, closed and concluded 19 days before today."""
    today = timezone.localdate()
    with time_machine.travel(f"{today - timedelta(days=40)} 10:00 +0800", tick=True):
        consultation = consultations.open_(make_consultation(agency, user), user=user)
        valid = [
            consultations.approve(
                comment_on(consultation, text=f"第{n + 1}条意见：建议缩短办理时限。"), user=user
            )
            for n in range(comments)
        ]
    with after_closing(consultation):
        consultation = consultations.close(consultation, user=user)
        if valid:
            consultations.record_adoption(
                consultation,
                summary="缩短低保办理时限",
                decision="partly",
                reason="法定时限为30日，拟缩短为20个工作日。",
                comments=valid,
                user=user,
            )
        return consultations.publish_result(
            consultation, text=f"共收到有效意见{comments}条。", user=user
        )
