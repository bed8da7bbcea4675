"""The daily inbox digest: one e-mail a day to each staff user with something waiting.

`gongkai tick` runs it (from cron). A digest lists every non-empty inbox source with its count
and an absolute link to the list (`GONGKAI_BASE_URL`); it never carries applicants' data. It
goes out at most once per user and day (`DigestDelivery`), and not to users who turned it off.
"""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction

from gongkai.accounts.models import DigestDelivery

from .inbox import Entry, by_area, inbox_for


@dataclass(frozen=True)
class Digest:
    user: object
    day: date
    entries: list[Entry]

    @property
    def subject(self) -> str:
        return f"政府信息公开平台待办提醒：{len(self.entries)}类事项待处理（{_day(self.day)}）"

    def body(self, base_url: str) -> str:
        lines = [f"{self.user}，您好：", "", f"截至{_day(self.day)}，您有以下待办事项："]
        for area, entries in by_area(self.entries):
            lines += ["", f"【{area}】"]
            for entry in entries:
                lines.append(f"  {entry.title}：{entry.count}")
                lines.append(f"  {base_url.rstrip('/')}{entry.url}")
        lines += [
            "",
            "此邮件由政府信息公开平台每天自动发送一次；申请人信息请登录工作台查看。",
            "不再接收：登录工作台，在“账号安全”页面关闭“每日待办邮件”。",
        ]
        return "\n".join(lines)


def _day(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def digests(day: date) -> list[Digest]:
    """The digests due today: active users who want one, have an address, have not had today's
    and have something waiting."""
    users = (
        get_user_model()
        .objects.filter(is_active=True, receives_digest=True)
        .exclude(email="")
        .exclude(digests__day=day)
        .order_by("pk")
    )
    found = []
    for user in users:
        entries = [entry for entry in inbox_for(user, day) if entry.count]
        if entries:
            found.append(Digest(user, day, entries))
    return found


def send(day: date, base_url: str | None = None) -> int:
    """Send today's digests; returns how many went out. Each is recorded before it is sent,
    in one transaction, so a failed send leaves no record and a second run sends nothing twice.
    """
    base_url = base_url or settings.GONGKAI_BASE_URL
    sent = 0
    for digest in digests(day):
        try:
            with transaction.atomic():
                DigestDelivery.objects.create(
                    user=digest.user, day=day, entries=len(digest.entries)
                )
                send_mail(
                    digest.subject,
                    digest.body(base_url),
                    settings.DEFAULT_FROM_EMAIL,
                    [digest.user.email],
                )
        except IntegrityError:
            continue  # another run sent this user's digest meanwhile
        sent += 1
    return sent
