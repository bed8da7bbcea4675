"""`gongkai tick`: the daily run (from cron) that e-mails each staff user their inbox digest
and each handler the messages coming due (once per message)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from gongkai.engagement import reminders
from gongkai.workbench import digest


class Command(BaseCommand):
    help = (
        "给每位有待办事项的工作人员发送当天的待办提醒邮件，并提醒承办人即将到期的留言"
        "（每天运行，例如由 cron 调度；重复运行不会重复发送）"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url",
            default=None,
            help="邮件中链接的工作台地址（默认取 GONGKAI_BASE_URL）",
        )

    def handle(self, *args, base_url: str | None, **options):
        today = timezone.localdate()
        sent = digest.send(today, base_url)
        self.stdout.write(f"已发送 {sent} 封待办提醒邮件")
        warned = reminders.send_due_warnings(today, base_url)
        self.stdout.write(f"已提醒 {warned} 件即将到期的留言")
