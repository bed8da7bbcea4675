"""Taking messages in and the moves of a message; every change is audited.

The public form and the staff registration end in `receive`; the moves run through
`workflow.MESSAGE_WORKFLOW`, which checks access and the rules before calling them.
"""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from gongkai.agencies import access
from gongkai.agencies.models import Agency
from gongkai.applications.models import TRACKING_LENGTH, normalize_tracking_code
from gongkai.catalog.attachments import AttachmentError, clean_name, prepare, storage_name
from gongkai.core.audit import record_transition
from gongkai.lib.errors import Refused
from gongkai.lib.phones import phone_digits

from . import clock, notify, publication, spam
from .models import OPEN_STATUSES, Channel, Message, MessageSource, MessageStatus
from .rules import MESSAGE_RULES


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes


@dataclass(frozen=True)
class Submission:
    """What the writer states; the forms check the form of each field."""

    subject: str
    text: str
    writer_name: str = ""
    anonymous: bool = False
    phone: str = ""
    email: str = ""
    page_url: str = ""
    page_excerpt: str = ""
    publish_consent: bool = False
    attachment: Upload | None = None


def receive(
    channel: Channel,
    submission: Submission,
    *,
    source: str = MessageSource.ONLINE,
    received_on: date | None = None,
    user=None,
    submission_token: str | None = None,
) -> Message:
    """Record one message. The same `submission_token` (the public form's one-time token)
    records one message only, and posting it again returns that message."""
    if user is not None:
        access.require(user, "message.handle", channel.agency)
    elif source != MessageSource.ONLINE:
        raise Refused("来信、来访须由工作人员登记")
    if not channel.is_open:
        raise Refused(f"{channel.agency.name}的“{channel.get_kind_display()}”渠道暂停接收留言")
    if submission.anonymous and not channel.anonymous_allowed:
        raise Refused(f"“{channel.get_kind_display()}”不接受匿名留言，请填写姓名", "writer_name")
    if not (submission.anonymous or submission.writer_name.strip()):
        raise Refused("请填写姓名，或选择匿名", "writer_name")
    if not (submission.phone.strip() or submission.email.strip()):
        raise Refused("请至少填写联系电话或电子邮箱中的一项，凭它和查询码查看答复", "phone")
    if submission_token:
        existing = Message.objects.filter(submission_token=submission_token).first()
        if existing is not None:
            return existing
    prepared = None
    if submission.attachment is not None:
        try:
            prepared = prepare(submission.attachment.data)
        except AttachmentError as error:
            raise Refused(str(error), "attachment") from None
    held = spam.held_reason(submission.subject, submission.text)
    message = Message(
        agency=channel.agency,
        channel=channel,
        source=source,
        status=MessageStatus.HELD if held else MessageStatus.RECEIVED,
        held_reason=held,
        writer_name="" if submission.anonymous else submission.writer_name.strip(),
        anonymous=submission.anonymous,
        phone=submission.phone.strip(),
        email=submission.email.strip(),
        subject=submission.subject.strip(),
        text=submission.text.strip(),
        page_url=submission.page_url,
        page_excerpt=submission.page_excerpt.strip(),
        publish_consent=submission.publish_consent,
        received_on=received_on or timezone.localdate(),
        registered_by=user,
        submission_token=submission_token or None,
        unit=channel.unit,
    )
    message.due_on = message.compute_due()
    if prepared is not None:
        message.attachment_name = clean_name(submission.attachment.name)
        data = submission.attachment.data
        message.attachment.save(
            storage_name(data, prepared.kind), ContentFile(prepared.data), save=False
        )
    try:
        with transaction.atomic():
            message.save()
    except IntegrityError:
        # Two posts of the same form raced: the other one recorded it.
        existing = Message.objects.filter(submission_token=submission_token).first()
        if submission_token and existing is not None:
            return existing
        raise
    record_transition(message, "receive", channel=message.get_kind_display(), held=held)
    if not held:
        notify.arrived(message)
    return message


def find_by_lookup(code: str, contact: str) -> Message | None:
    """The message with this look-up code whose writer gave this phone number or e-mail."""
    code = normalize_tracking_code(code)
    contact = contact.strip()
    if len(code) != TRACKING_LENGTH or not contact:
        return None
    message = Message.objects.select_related("agency", "channel").filter(lookup_code=code).first()
    if message is None:
        return None
    digits = phone_digits(contact)
    if "@" in contact:
        matches = bool(message.email) and message.email.lower() == contact.lower()
    else:
        matches = bool(digits) and phone_digits(message.phone) == digits
    return message if matches else None


def _locked(message: Message, name: str, user, action: str = "message.handle") -> Message:
    access.require(user, action, message.agency)
    locked = Message.objects.select_for_update().select_related("channel").get(pk=message.pk)
    MESSAGE_RULES.require(name, locked)
    return locked


def today() -> date:
    return timezone.localdate()


def _required(text: str, message: str, field: str) -> str:
    text = text.strip()
    if not text:
        raise Refused(message, field)
    return text


@transaction.atomic
def release(message: Message, *, user) -> Message:
    """A held message was no spam: it goes to the handlers like any other."""
    message = _locked(message, "release", user)
    message.status = MessageStatus.RECEIVED
    message.save()
    record_transition(message, "release", held_reason=message.held_reason)
    return message


@transaction.atomic
def refuse(message: Message, *, reason: str, user) -> Message:
    """Not taken up; the writer reads the reason with the look-up code."""
    reason = reason.strip()
    if not reason:
        raise Refused("请写明不予受理的理由，留言人凭查询码可以看到", "reason")
    message = _locked(message, "refuse", user)
    message.status = MessageStatus.REFUSED
    message.refusal_reason = reason
    message.save()
    record_transition(message, "refuse", reason=reason)
    return message


@transaction.atomic
def accept(message: Message, *, complex_case: bool, user, handler=None) -> Message:
    """Taken up by `handler` (the user who takes it up, unless another is named); a complex
    message gets the channel's longer limit from now on."""
    message = _locked(message, "accept", user)
    handler = handler or user
    if not access.can(handler, "message.handle", message.agency):
        raise Refused(f"{handler}不能办理{message.agency.name}的留言", "handler")
    message.status = MessageStatus.ACCEPTED
    message.accepted_on = today()
    message.complex_case = complex_case
    message.handler = handler
    message.due_on = message.compute_due()
    message.save()
    record_transition(
        message,
        "accept",
        complex_case=complex_case,
        due_on=str(message.due_on),
        handler=str(handler),
    )
    return message


@transaction.atomic
def transfer(
    message: Message, *, reason: str, user, agency: Agency | None = None, unit=None
) -> Message:
    """To another unit of the agency, or to the agency whose duty the matter is. An agency
    transfer starts the clock again at the receiving agency on the day of transfer when the
    deployment says so (GONGKAI_MESSAGE_TRANSFER_RESTARTS_CLOCK), else it keeps running."""
    reason = _required(reason, "请写明转办的理由", "reason")
    message = _locked(message, "transfer", user)
    if agency is not None and agency != message.agency:
        if unit is not None:
            raise Refused("转到其他机关时不能同时指定本机关的内设机构", "unit")
        channel = Channel.objects.filter(agency=agency, kind=message.channel.kind).first()
        if channel is None or not channel.is_open or not agency.is_active:
            raise Refused(f"{agency.name}没有开放“{message.get_kind_display()}”渠道", "agency")
        previous = message.agency.name
        message.agency, message.channel, message.unit = agency, channel, channel.unit
        message.handler = None
        message.status = MessageStatus.RECEIVED
        if settings.GONGKAI_MESSAGE_TRANSFER_RESTARTS_CLOCK:
            message.received_on = today()
        detail = {"from_agency": previous, "to_agency": agency.name}
    elif unit is not None:
        if unit.agency_id != message.agency_id:
            raise Refused("只能转给本机关的内设机构", "unit")
        message.unit = unit
        message.handler = None  # the unit takes it up again
        detail = {"to_unit": unit.name}
    else:
        raise Refused("请选择转给哪个内设机构或哪个机关", "unit")
    message.due_on = message.compute_due()
    message.save()
    record_transition(message, "transfer", reason=reason, due_on=str(message.due_on), **detail)
    return message


@transaction.atomic
def extend(message: Message, *, workdays: int, reason: str, user) -> Message:
    """More time, once, asked before the deadline; the reason is shown to the writer."""
    reason = _required(reason, "请写明延期的理由，留言人凭查询码可以看到", "reason")
    message = _locked(message, "extend", user)
    try:
        clock.check_extension(
            message.limits,
            workdays,
            on=today(),
            due=message.due_on,
            extended=message.extension_workdays,
        )
    except clock.ExtensionRefused as error:
        raise Refused(str(error), "workdays") from None
    message.extension_workdays = workdays
    message.extension_reason = reason
    message.due_on = message.compute_due()
    message.save()
    record_transition(
        message, "extend", workdays=workdays, reason=reason, due_on=str(message.due_on)
    )
    return message


def _answering_unit(message: Message) -> str:
    return f"{message.agency.name}{message.unit.name}" if message.unit else message.agency.name


def _goes_out(message: Message) -> None:
    """The reply is sent today; its public copy is made now, masked, from what was sent."""
    message.status = MessageStatus.REPLIED
    message.replied_on = today()
    message.reply_workdays = clock.used_workdays(message.received_on, message.replied_on)
    names = publication.marked_names(message.masked_names)
    if message.writer_name:
        names = publication.marked_names(" ".join([*names, message.writer_name]))
    message.public_subject = publication.public_copy(message.subject, names)
    message.public_text = publication.public_copy(message.text, names)
    message.public_reply = publication.public_copy(message.reply_text, names)
    notify.answered(message)


@transaction.atomic
def reply(
    message: Message, *, text: str, user, publish: bool = False, masked_names: str = ""
) -> Message:
    """The answer; it goes out at once, or after the leader's check where the channel says.
    `publish` puts it in the public list if the writer agreed; `masked_names` are hidden there."""
    text = _required(text, "请填写答复内容", "text")
    message = _locked(message, "reply", user)
    message.reply_text = text
    message.publish_reply = publish
    message.masked_names = masked_names.strip()
    message.reply_unit = _answering_unit(message)
    message.rework_reason = ""
    if message.channel.requires_leader_check:
        message.status = MessageStatus.CHECKING
    else:
        _goes_out(message)
    message.save()
    record_transition(message, "reply", status=message.status, publish=publish)
    return message


@transaction.atomic
def rework(message: Message, *, reason: str, user) -> Message:
    """The leader sends the reply back to the handler with what to change."""
    reason = _required(reason, "请写明需要修改的地方", "reason")
    message = _locked(message, "rework", user, action="message.check")
    message.status = MessageStatus.ACCEPTED
    message.rework_reason = reason
    message.save()
    record_transition(message, "rework", reason=reason)
    return message


@transaction.atomic
def check(message: Message, *, user) -> Message:
    """The leader agrees: the reply goes out today."""
    message = _locked(message, "check", user, action="message.check")
    _goes_out(message)
    message.save()
    record_transition(message, "check")
    return message


@transaction.atomic
def close(message: Message, *, user) -> Message:
    message = _locked(message, "close", user)
    message.status = MessageStatus.CLOSED
    message.closed_on = today()
    message.save()
    record_transition(message, "close")
    return message


def recompute_open_deadlines(reason: str, messages=None) -> int:
    """Every open message's deadline (of `messages`, else all) again from its dates and its
    channel's limits, after a holiday calendar change or new limits."""
    moved = 0
    messages = Message.objects.all() if messages is None else messages
    for message in messages.filter(status__in=OPEN_STATUSES).select_related("channel"):
        due = message.compute_due()
        if due != message.due_on:
            message.due_on = due
            message.save(update_fields=["due_on"])
            record_transition(message, "recompute_due", due_on=str(due), reason=reason)
            moved += 1
    return moved
