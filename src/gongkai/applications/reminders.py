"""Reminders of open cases that are due soon or overdue, by e-mail to their handlers.

`gongkai tick` sends them once a day (from cron); each handler gets one message listing their
cases, and an agency's cases without a handler go to the staff who may handle them there.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail

from gongkai.agencies import access

from .models import Application


@dataclass(frozen=True)
class Digest:
    email: str
    overdue: list[Application]
    due_soon: list[Application]

    @property
    def subject(self) -> str:
        return f"依申请公开提醒：{len(self.overdue)}件已超期，{len(self.due_soon)}件即将到期"

    def body(self, within: int) -> str:
        lines = []
        if self.overdue:
            lines.append("已超期（请尽快答复）：")
            lines += [
                f"  {c.number}  期限 {c.due_date}  {c.agency.display_name}" for c in self.overdue
            ]
        if self.due_soon:
            lines.append(f"{within}个工作日内到期：")
            lines += [
                f"  {c.number}  期限 {c.due_date}  {c.agency.display_name}" for c in self.due_soon
            ]
        lines.append("")
        lines.append("此邮件由政府信息公开平台自动发送；申请人信息请登录工作台查看。")
        return "\n".join(lines)


def digests(today: date, within: int) -> list[Digest]:
    """One digest per recipient of the open cases overdue or due within `within` workdays."""
    overdue = list(Application.objects.overdue(today).select_related("agency", "handler"))
    soon = list(Application.objects.due_within(within, today).select_related("agency", "handler"))
    by_email: dict[str, tuple[list, list]] = defaultdict(lambda: ([], []))
    for index, cases in enumerate((overdue, soon)):
        for case in cases:
            for email in _recipients(case):
                by_email[email][index].append(case)
    return [Digest(email, o, s) for email, (o, s) in sorted(by_email.items())]


def _recipients(case: Application) -> list[str]:
    if case.handler_id and case.handler.email:
        return [case.handler.email]
    staff = get_user_model().objects.filter(
        is_active=True,
        memberships__agency=case.agency_id,
        memberships__role__in=access.ACTION_ROLES["case.handle"],
    )
    return sorted({u.email for u in staff if u.email})


def send(today: date, within: int) -> int:
    """Send the digests; returns how many messages went out."""
    messages = [
        (d.subject, d.body(within), settings.DEFAULT_FROM_EMAIL, [d.email])
        for d in digests(today, within)
    ]
    return send_mass_mail(messages, fail_silently=False) if messages else 0
