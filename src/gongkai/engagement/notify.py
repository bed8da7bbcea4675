"""E-mails of 政民互动: to the agency's handlers when a message arrives, to its handler before
it falls due, and to the writer (if they gave an address) when the reply has gone out. Sent
after the transaction commits, so a rolled-back change sends nothing; a mail server that is
down loses no message."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse

from gongkai.agencies.access import ACTION_ROLES
from gongkai.agencies.models import Membership

from .models import Message

log = logging.getLogger(__name__)


def _send(subject: str, body: str, to: list[str]) -> None:
    if not to:
        return

    def deliver() -> None:
        try:
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to)
        except OSError:
            log.warning("engagement notice not sent: %s", subject, exc_info=True)

    transaction.on_commit(deliver)


def handlers(message: Message) -> list[str]:
    """The addresses of the staff who take this agency's messages up."""
    emails = Membership.objects.filter(
        agency=message.agency,
        role__in=ACTION_ROLES["message.handle"],
        user__is_active=True,
    ).values_list("user__email", flat=True)
    return sorted({email for email in emails if email})


def handler_or_handlers(message: Message) -> list[str]:
    """The handler's address, or every handler's of the agency while nobody holds it."""
    handler = message.handler
    if handler is not None and handler.is_active and handler.email:
        return [handler.email]
    return handlers(message)


def due_soon(message: Message, base_url: str | None = None) -> list[str]:
    """The deadline is within the channel's warning threshold; the addresses told."""
    url = (base_url or settings.GONGKAI_BASE_URL).rstrip("/") + reverse(
        "engagement:detail", args=[message.pk]
    )
    to = handler_or_handlers(message)
    _send(
        f"【政民互动】留言即将到期：{message.subject}",
        f"{message.agency.name}的{message.get_kind_display()}留言“{message.subject}”"
        f"答复期限为 {message.due_on:%Y-%m-%d}，请在期限内答复或申请延期。\n\n{url}\n",
        to,
    )
    return to


def arrived(message: Message) -> None:
    url = settings.GONGKAI_BASE_URL + reverse("engagement:detail", args=[message.pk])
    _send(
        f"【政民互动】新{message.get_kind_display()}：{message.subject}",
        f"{message.agency.name}收到一件{message.get_kind_display()}留言，"
        f"答复期限 {message.due_on:%Y-%m-%d}。\n\n{url}\n",
        handlers(message),
    )


def answered(message: Message) -> None:
    url = settings.GONGKAI_BASE_URL + reverse("engage:lookup")
    _send(
        f"【政民互动】您的留言已答复：{message.subject}",
        f"{message.reply_unit}已于 {message.replied_on:%Y-%m-%d} 答复您的留言。"
        f"请凭查询码 {message.lookup_code_display} 和留言时填写的联系方式查看：\n\n{url}\n",
        [message.email] if message.email else [],
    )
