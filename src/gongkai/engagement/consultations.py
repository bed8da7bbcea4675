"""意见征集: putting a draft out for comment, the public's comments and their moderation,
closing, and the 采纳情况; every change is audited.

The moves run through `consultation_workflow` (`CONSULTATION_WORKFLOW`, `COMMENT_WORKFLOW`),
which checks access and `consultation_rules` before calling them; `create`, `update` and
`comment` are the ways in for the workbench form and the public form.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from gongkai.agencies import access
from gongkai.catalog.attachments import AttachmentError, clean_name, prepare, storage_name
from gongkai.catalog.models import InfoItem
from gongkai.core.audit import record_transition
from gongkai.lib.errors import Refused

from . import publication, spam
from .consultation_models import (
    COMMENT_MAX_CHARS,
    DEFAULT_PERIOD_DAYS,
    MAJOR_DECISION_MIN_DAYS,
    Adoption,
    AdoptionDecision,
    CommentStatus,
    Consultation,
    ConsultationComment,
    ConsultationStatus,
)
from .consultation_rules import COMMENT_RULES, CONSULTATION_RULES, period_refusal
from .services import Upload

MANAGE = "consultation.manage"


def today() -> date:
    return timezone.localdate()


def default_closes_on(opens_on: date, major_decision: bool) -> date:
    """The last day of the default period: 30 days for a 重大行政决策 (国务院令第713号 第十四条),
    else 15, both ends counted."""
    days = MAJOR_DECISION_MIN_DAYS if major_decision else DEFAULT_PERIOD_DAYS
    return opens_on + timedelta(days=days - 1)


@dataclass(frozen=True)
class Draft:
    """What staff state about a consultation; `closes_on` None takes the default period."""

    title: str
    explanation: str
    opens_on: date
    closes_on: date | None = None
    major_decision: bool = False
    item: InfoItem | None = None
    upload: Upload | None = None


def _apply(consultation: Consultation, draft: Draft) -> None:
    title = draft.title.strip()
    if not title:
        raise Refused("请填写征集标题", "title")
    if not draft.explanation.strip():
        raise Refused("请填写起草说明（起草背景、主要内容和需要说明的问题）", "explanation")
    if draft.item is not None:
        if draft.item.agency_id != consultation.agency_id:
            raise Refused("只能关联本机关的政府信息", "item")
        if not draft.item.is_public:
            raise Refused("关联的政府信息尚未公开，公众看不到草案", "item")
    consultation.title = title
    consultation.explanation = draft.explanation.strip()
    consultation.opens_on = draft.opens_on
    consultation.closes_on = draft.closes_on or default_closes_on(
        draft.opens_on, draft.major_decision
    )
    consultation.major_decision = draft.major_decision
    consultation.item = draft.item
    refusal = period_refusal(consultation)
    if refusal:
        raise Refused(refusal, "closes_on")
    if draft.upload is not None:
        try:
            prepared = prepare(draft.upload.data)
        except AttachmentError as error:
            raise Refused(str(error), "draft") from None
        consultation.draft_name = clean_name(draft.upload.name)
        consultation.draft.save(
            storage_name(draft.upload.data, prepared.kind),
            ContentFile(prepared.data),
            save=False,
        )
    if not (consultation.item_id or consultation.draft):
        raise Refused("请关联草案所在的政府信息或上传草案文件", "item")


@transaction.atomic
def create(agency, draft: Draft, *, user) -> Consultation:
    """A new consultation, not yet public (草稿) until it is put out (`open`)."""
    access.require(user, MANAGE, agency)
    consultation = Consultation(agency=agency, created_by=user)
    _apply(consultation, draft)
    consultation.save()
    record_transition(consultation, "create", closes_on=str(consultation.closes_on))
    return consultation


def _locked(consultation: Consultation, name: str, user) -> Consultation:
    access.require(user, MANAGE, consultation.agency)
    locked = Consultation.objects.select_for_update().get(pk=consultation.pk)
    CONSULTATION_RULES.require(name, locked)
    return locked


@transaction.atomic
def update(consultation: Consultation, draft: Draft, *, user) -> Consultation:
    """Edit a consultation while it is still a draft."""
    access.require(user, MANAGE, consultation.agency)
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if consultation.status != ConsultationStatus.DRAFT:
        raise Refused("意见征集发布后不能再修改")
    _apply(consultation, draft)
    consultation.save()
    return consultation


@transaction.atomic
def open_(consultation: Consultation, *, user) -> Consultation:
    """Put the draft out: the portal lists it, and takes comments from its first day."""
    consultation = _locked(consultation, "open", user)
    consultation.status = ConsultationStatus.OPEN
    consultation.published_on = today()
    consultation.save()
    record_transition(
        consultation,
        "open",
        opens_on=str(consultation.opens_on),
        closes_on=str(consultation.closes_on),
    )
    return consultation


@transaction.atomic
def close(consultation: Consultation, *, user) -> Consultation:
    """The period is over: no more comments; the 采纳情况 is written next."""
    consultation = _locked(consultation, "close", user)
    consultation.status = ConsultationStatus.CLOSED
    consultation.closed_on = today()
    consultation.save()
    record_transition(consultation, "close", comment_count=consultation.comments.count())
    return consultation


@transaction.atomic
def record_adoption(
    consultation: Consultation,
    *,
    summary: str,
    decision: str,
    reason: str,
    comments,
    user,
) -> Adoption:
    """One line of the 采纳情况: the valid comments it answers, summed up, the decision and,
    unless adopted, why not."""
    summary, reason = summary.strip(), reason.strip()
    if not summary:
        raise Refused("请概括这些意见的内容", "summary")
    if decision not in AdoptionDecision.values:
        raise Refused("请选择采纳、部分采纳或未采纳", "decision")
    if decision != AdoptionDecision.ADOPTED and not reason:
        raise Refused("未采纳或部分采纳的意见须说明理由", "reason")
    consultation = _locked(consultation, "record_adoption", user)
    comments = list(ConsultationComment.objects.filter(pk__in=[c.pk for c in comments]))
    if not comments:
        raise Refused("请选择这条采纳情况对应的意见", "comments")
    if any(
        c.consultation_id != consultation.pk or c.status != CommentStatus.VALID for c in comments
    ):
        raise Refused("只能选择本次征集中已确认有效的意见", "comments")
    adoption = Adoption.objects.create(
        consultation=consultation, summary=summary, decision=decision, reason=reason
    )
    adoption.comments.set(comments)
    record_transition(
        consultation,
        "record_adoption",
        adoption=adoption.pk,
        decision=decision,
        comment_ids=sorted(c.pk for c in comments),
    )
    return adoption


@transaction.atomic
def publish_result(consultation: Consultation, *, text: str, user) -> Consultation:
    """The 采纳情况 goes public, linked from the consultation; personal numbers and the writers'
    names are masked in the public copy of each line."""
    text = text.strip()
    if not text:
        raise Refused("请填写采纳情况的总体说明", "text")
    consultation = _locked(consultation, "publish_result", user)
    names = publication.marked_names(
        " ".join(
            name
            for name in consultation.comments.values_list("writer_name", flat=True)
            if len(name) > 1
        )
    )
    for adoption in consultation.adoptions.all():
        adoption.public_summary = publication.public_copy(adoption.summary, names)
        adoption.public_reason = publication.public_copy(adoption.reason, names)
        adoption.save(update_fields=["public_summary", "public_reason"])
    consultation.result_text = publication.public_copy(text, names)
    consultation.status = ConsultationStatus.CONCLUDED
    consultation.result_published_on = today()
    consultation.save()
    record_transition(consultation, "publish_result", adoption_count=consultation.adoptions.count())
    return consultation


# ---- comments ------------------------------------------------------------------------------


@dataclass(frozen=True)
class CommentSubmission:
    text: str
    writer_name: str = ""
    phone: str = ""
    email: str = ""


def comment(
    consultation: Consultation, submission: CommentSubmission, *, submission_token: str = ""
) -> ConsultationComment:
    """One comment from the public form. The same one-time token records one comment; spam
    is held for staff to look at, never dropped."""
    if not consultation.taking_comments(today()):
        raise Refused(f"“{consultation.title}”现在不接收意见（{consultation.phase(today())}）")
    text = submission.text.strip()
    if not text:
        raise Refused("请填写意见内容", "text")
    if len(text) > COMMENT_MAX_CHARS:
        raise Refused(f"意见内容不能超过{COMMENT_MAX_CHARS}字", "text")
    if submission_token:
        existing = ConsultationComment.objects.filter(submission_token=submission_token).first()
        if existing is not None:
            return existing
    held = spam.held_reason(text)
    comment = ConsultationComment(
        consultation=consultation,
        status=CommentStatus.HELD if held else CommentStatus.PENDING,
        held_reason=held,
        writer_name=submission.writer_name.strip(),
        phone=submission.phone.strip(),
        email=submission.email.strip(),
        text=text,
        submission_token=submission_token or None,
    )
    try:
        with transaction.atomic():
            comment.save()
    except IntegrityError:
        existing = ConsultationComment.objects.filter(submission_token=submission_token).first()
        if submission_token and existing is not None:
            return existing
        raise
    record_transition(comment, "receive", held=held)
    return comment


def _locked_comment(comment: ConsultationComment, name: str, user) -> ConsultationComment:
    access.require(user, MANAGE, comment.consultation.agency)
    locked = (
        ConsultationComment.objects.select_for_update()
        .select_related("consultation")
        .get(pk=comment.pk)
    )
    COMMENT_RULES.require(name, locked)
    return locked


@transaction.atomic
def release(comment: ConsultationComment, *, user) -> ConsultationComment:
    """A held comment was no spam: it waits for review like any other."""
    comment = _locked_comment(comment, "release", user)
    comment.status = CommentStatus.PENDING
    comment.save()
    record_transition(comment, "release", held_reason=comment.held_reason)
    return comment


@transaction.atomic
def approve(comment: ConsultationComment, *, user) -> ConsultationComment:
    """A valid comment: counted, and answered in the 采纳情况."""
    comment = _locked_comment(comment, "approve", user)
    comment.status = CommentStatus.VALID
    comment.save()
    record_transition(comment, "approve")
    return comment


@transaction.atomic
def reject(comment: ConsultationComment, *, reason: str, user) -> ConsultationComment:
    """Not a comment on the draft (spam, abuse, off the subject): not counted, kept."""
    reason = reason.strip()
    if not reason:
        raise Refused("请写明不予采用的理由", "reason")
    comment = _locked_comment(comment, "reject", user)
    comment.status = CommentStatus.REJECTED
    comment.rejection_reason = reason
    comment.save()
    record_transition(comment, "reject", reason=reason)
    return comment
